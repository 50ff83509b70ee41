// SPDX-License-Identifier: GPL-2.0
/* Refusal: remove() gates the clock after free_irq(); with devm_request_irq() the
 * handler would still be installed, and could touch the block, once the clock is off.
 * The IRQ stays by hand (DV019); the private data still converts.
 * Runtime PM switches the clock too, so its enable is not the device's lifetime: it
 * cannot become managed (DV020) and the clock stays gated by hand in remove(). */
#include <linux/clk.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
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

static int __maybe_unused gtmr_runtime_suspend(struct device *dev)
{
	struct gtmr *gt = dev_get_drvdata(dev);

	clk_disable(gt->clk);
	return 0;
}

static int __maybe_unused gtmr_runtime_resume(struct device *dev)
{
	struct gtmr *gt = dev_get_drvdata(dev);

	return clk_enable(gt->clk);
}

static const struct dev_pm_ops gtmr_pm_ops = {
	SET_RUNTIME_PM_OPS(gtmr_runtime_suspend, gtmr_runtime_resume, NULL)
};

static struct platform_driver gtmr_driver = {
	.probe = gtmr_probe,
	.remove = gtmr_remove,
	.driver = {
		.name = "gtmr",
		.pm = &gtmr_pm_ops,
	},
};
module_platform_driver(gtmr_driver);

MODULE_LICENSE("GPL");
