// SPDX-License-Identifier: GPL-2.0
/* `int i, ret;` where only the clock enable read ret: once it merges into
 * devm_clk_get_enabled(), ret goes from the list and i stays (left whole, an unused
 * variable is an error under allmodconfig's -Werror: a kernel build of a 6.1 driver of
 * this shape caught it). */
#include <linux/clk.h>
#include <linux/module.h>
#include <linux/platform_device.h>

struct nemx {
	struct clk *clk;
	int banks[4];
};

static int nemx_probe(struct platform_device *pdev)
{
	struct nemx *n;
	int i, ret;

	n = devm_kzalloc(&pdev->dev, sizeof(*n), GFP_KERNEL);
	if (!n)
		return -ENOMEM;

	n->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(n->clk))
		return PTR_ERR(n->clk);

	ret = clk_prepare_enable(n->clk);
	if (ret)
		return ret;

	for (i = 0; i < 4; i++)
		n->banks[i] = i;

	platform_set_drvdata(pdev, n);
	return 0;
}

static int nemx_remove(struct platform_device *pdev)
{
	struct nemx *n = platform_get_drvdata(pdev);

	clk_disable_unprepare(n->clk);
	return 0;
}

static struct platform_driver nemx_driver = {
	.probe = nemx_probe,
	.remove = nemx_remove,
	.driver = {
		.name = "nemx",
	},
};
module_platform_driver(nemx_driver);

MODULE_LICENSE("GPL");
