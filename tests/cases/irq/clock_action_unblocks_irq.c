// SPDX-License-Identifier: GPL-2.0
/* Nearest safe case for DV019: remove() gated the clock after free_irq(). The clock's rate
 * is set before it is enabled, so the enable cannot merge into devm_clk_get_enabled(), but
 * clk_disable_unprepare() moves into a devm action registered before the IRQ: devres frees
 * the IRQ first and gates the clock after, so the IRQ and the private data convert too. */
#include <linux/clk.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct gtmr {
	struct clk *clk;
	int irq;
	unsigned long expiries;
};

static irqreturn_t gtmr_isr(int irq, void *data)
{
	struct gtmr *gt = data;

	gt->expiries += clk_get_rate(gt->clk) ? 1 : 0;
	return IRQ_HANDLED;
}

static int gtmr_probe(struct platform_device *pdev)
{
	struct gtmr *gt;
	int ret;

	gt = kzalloc(sizeof(*gt), GFP_KERNEL);
	if (!gt)
		return -ENOMEM;

	gt->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(gt->clk)) {
		ret = PTR_ERR(gt->clk);
		goto err_free;
	}

	clk_set_rate(gt->clk, 32768);
	ret = clk_prepare_enable(gt->clk);
	if (ret)
		goto err_free;

	gt->irq = platform_get_irq(pdev, 0);
	if (gt->irq < 0) {
		ret = gt->irq;
		goto err_clk;
	}

	ret = request_irq(gt->irq, gtmr_isr, 0, "gtmr", gt);
	if (ret)
		goto err_clk;

	platform_set_drvdata(pdev, gt);
	return 0;

err_clk:
	clk_disable_unprepare(gt->clk);
err_free:
	kfree(gt);
	return ret;
}

static int gtmr_remove(struct platform_device *pdev)
{
	struct gtmr *gt = platform_get_drvdata(pdev);

	free_irq(gt->irq, gt);
	clk_disable_unprepare(gt->clk);
	kfree(gt);
	return 0;
}

static struct platform_driver gtmr_driver = {
	.probe = gtmr_probe,
	.remove = gtmr_remove,
	.driver = {
		.name = "gtmr",
	},
};
module_platform_driver(gtmr_driver);

MODULE_LICENSE("GPL");
