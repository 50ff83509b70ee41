// SPDX-License-Identifier: GPL-2.0
/* Refusal: the clock the handler needs is devm_clk_get_enabled() already, but only after
 * request_irq(); with devm_request_irq() devres would disable the clock first while the
 * handler can still run (DV019).  Found by fuzzing: the merged call was read with
 * clk_prepare_enable()'s arguments, so the clock counted as the device, not gt->clk. */
#include <linux/clk.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct gtmx {
	struct clk *clk;
	int irq;
	unsigned long expiries;
};

static irqreturn_t gtmx_isr(int irq, void *data)
{
	struct gtmx *gt = data;

	gt->expiries += clk_get_rate(gt->clk) ? 1 : 0;
	return IRQ_HANDLED;
}

static int gtmx_probe(struct platform_device *pdev)
{
	struct gtmx *gt;
	int ret;

	gt = devm_kzalloc(&pdev->dev, sizeof(*gt), GFP_KERNEL);
	if (!gt)
		return -ENOMEM;

	gt->irq = platform_get_irq(pdev, 0);
	if (gt->irq < 0)
		return gt->irq;

	ret = request_irq(gt->irq, gtmx_isr, 0, "gtmx", gt);
	if (ret)
		return ret;

	gt->clk = devm_clk_get_enabled(&pdev->dev, NULL);  /* unchecked: the order is the point */

	platform_set_drvdata(pdev, gt);
	return 0;
}

static int gtmx_remove(struct platform_device *pdev)
{
	struct gtmx *gt = platform_get_drvdata(pdev);

	free_irq(gt->irq, gt);
	return 0;
}

static struct platform_driver gtmx_driver = {
	.probe = gtmx_probe,
	.remove = gtmx_remove,
	.driver = {
		.name = "gtmx",
	},
};
module_platform_driver(gtmx_driver);

MODULE_LICENSE("GPL");
