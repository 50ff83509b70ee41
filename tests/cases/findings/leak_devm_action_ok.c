// SPDX-License-Identifier: GPL-2.0
/* No finding: the clock is enabled by hand, but its disable is registered with
 * devm_add_action_or_reset() right after, so devres disables it on every later failure
 * (and at unbind).  The failing return after it leaks nothing. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/clk.h>

struct act {
	struct clk *clk;
	int irq;
};

static void act_clk_off(void *data)
{
	struct act *a = data;

	clk_disable_unprepare(a->clk);
}

static int act_probe(struct platform_device *pdev)
{
	struct act *a;
	int ret;

	a = devm_kzalloc(&pdev->dev, sizeof(*a), GFP_KERNEL);
	if (!a)
		return -ENOMEM;

	a->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(a->clk))
		return PTR_ERR(a->clk);

	ret = clk_prepare_enable(a->clk);
	if (ret)
		return ret;

	ret = devm_add_action_or_reset(&pdev->dev, act_clk_off, a);
	if (ret)
		return ret;

	a->irq = platform_get_irq(pdev, 0);
	if (a->irq < 0)
		return a->irq;

	platform_set_drvdata(pdev, a);
	return 0;
}

static struct platform_driver act_driver = {
	.probe = act_probe,
	.driver = { .name = "act" },
};
module_platform_driver(act_driver);
MODULE_LICENSE("GPL");
