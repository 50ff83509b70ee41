// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV008): the clock is enabled in a helper that gets only the private data, and
 * a rate is set before it, so it cannot merge into devm_clk_get_enabled(); as a devm
 * action it would need the bound device, which is not in scope there.  (An early version
 * wrote `devm_add_action_or_reset(None, ...)`: a kernel build of a 6.1 driver of this
 * shape caught it.) */
#include <linux/clk.h>
#include <linux/module.h>
#include <linux/platform_device.h>

struct wmx {
	struct clk *clk;
	int ready;
};

static int wmx_reset_hw(struct wmx *w)
{
	int err;

	err = clk_prepare_enable(w->clk);
	if (err)
		return err;

	err = clk_set_rate(w->clk, 20000000);
	if (err) {
		clk_disable_unprepare(w->clk);
		return err;
	}
	w->ready = 1;
	return 0;
}

static int wmx_probe(struct platform_device *pdev)
{
	struct wmx *w;
	int err;

	w = devm_kzalloc(&pdev->dev, sizeof(*w), GFP_KERNEL);
	if (!w)
		return -ENOMEM;

	w->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(w->clk))
		return PTR_ERR(w->clk);

	err = wmx_reset_hw(w);
	if (err)
		return err;

	platform_set_drvdata(pdev, w);
	return 0;
}

static int wmx_remove(struct platform_device *pdev)
{
	struct wmx *w = platform_get_drvdata(pdev);

	clk_disable_unprepare(w->clk);
	return 0;
}

static struct platform_driver wmx_driver = {
	.probe = wmx_probe,
	.remove = wmx_remove,
	.driver = {
		.name = "wmx",
	},
};
module_platform_driver(wmx_driver);

MODULE_LICENSE("GPL");
