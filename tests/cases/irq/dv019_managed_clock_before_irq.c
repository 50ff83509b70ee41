// SPDX-License-Identifier: GPL-2.0
/* The nearest safe case to dv019_managed_clock_after_irq: the clock is
 * devm_clk_get_enabled() before request_irq(), so devres frees the IRQ first and the
 * IRQ converts. */
#include <linux/clk.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct gtmy {
	struct clk *clk;
	int irq;
	unsigned long expiries;
};

static irqreturn_t gtmy_isr(int irq, void *data)
{
	struct gtmy *gt = data;

	gt->expiries += clk_get_rate(gt->clk) ? 1 : 0;
	return IRQ_HANDLED;
}

static int gtmy_probe(struct platform_device *pdev)
{
	struct gtmy *gt;
	int ret;

	gt = devm_kzalloc(&pdev->dev, sizeof(*gt), GFP_KERNEL);
	if (!gt)
		return -ENOMEM;

	gt->irq = platform_get_irq(pdev, 0);
	if (gt->irq < 0)
		return gt->irq;

	gt->clk = devm_clk_get_enabled(&pdev->dev, NULL);
	if (IS_ERR(gt->clk))
		return PTR_ERR(gt->clk);

	ret = request_irq(gt->irq, gtmy_isr, 0, "gtmy", gt);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, gt);
	return 0;
}

static int gtmy_remove(struct platform_device *pdev)
{
	struct gtmy *gt = platform_get_drvdata(pdev);

	free_irq(gt->irq, gt);
	return 0;
}

static struct platform_driver gtmy_driver = {
	.probe = gtmy_probe,
	.remove = gtmy_remove,
	.driver = {
		.name = "gtmy",
	},
};
module_platform_driver(gtmy_driver);

MODULE_LICENSE("GPL");
