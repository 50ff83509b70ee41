// SPDX-License-Identifier: GPL-2.0
/* Finding (managed-release): the IRQ is requested with devm_request_irq() and freed with
 * free_irq() in remove(); devres frees it again at unbind (free_irq() WARNs: "Trying to
 * free already-free IRQ").  devm_free_irq() is the call for an early release. */
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/platform_device.h>

struct irqx {
	int irq;
};

static irqreturn_t irqx_isr(int irq, void *dev_id)
{
	return IRQ_HANDLED;
}

static int irqx_probe(struct platform_device *pdev)
{
	struct irqx *ix;
	int ret;

	ix = devm_kzalloc(&pdev->dev, sizeof(*ix), GFP_KERNEL);
	if (!ix)
		return -ENOMEM;

	ix->irq = platform_get_irq(pdev, 0);
	if (ix->irq < 0)
		return ix->irq;

	ret = devm_request_irq(&pdev->dev, ix->irq, irqx_isr, 0, "irqx", ix);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, ix);
	return 0;
}

static int irqx_remove(struct platform_device *pdev)
{
	struct irqx *ix = platform_get_drvdata(pdev);

	free_irq(ix->irq, ix);
	return 0;
}

static struct platform_driver irqx_driver = {
	.probe = irqx_probe,
	.remove = irqx_remove,
	.driver = {
		.name = "irqx",
	},
};
module_platform_driver(irqx_driver);

MODULE_LICENSE("GPL");
