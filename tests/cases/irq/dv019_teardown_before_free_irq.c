// SPDX-License-Identifier: GPL-2.0
/* Nearest safe case: remove() masks the interrupt in the hardware before free_irq() and
 * does nothing after it, so the IRQ converts; the register write stays in remove(). */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define ADCX_IRQ_EN	0x10
#define ADCX_IRQ_STAT	0x14
#define ADCX_DATA	0x18

struct adcx {
	void __iomem *regs;
	int irq;
	u32 sample;
};

static irqreturn_t adcx_isr(int irq, void *data)
{
	struct adcx *adc = data;

	if (!readl(adc->regs + ADCX_IRQ_STAT))
		return IRQ_NONE;
	adc->sample = readl(adc->regs + ADCX_DATA);
	writel(1, adc->regs + ADCX_IRQ_STAT);
	return IRQ_HANDLED;
}

static int adcx_probe(struct platform_device *pdev)
{
	struct resource *res;
	struct adcx *adc;
	int ret;

	adc = kzalloc(sizeof(*adc), GFP_KERNEL);
	if (!adc)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res) {
		ret = -ENODEV;
		goto err_free;
	}
	adc->regs = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!adc->regs) {
		ret = -ENOMEM;
		goto err_free;
	}

	adc->irq = platform_get_irq(pdev, 0);
	if (adc->irq < 0) {
		ret = adc->irq;
		goto err_free;
	}
	ret = request_irq(adc->irq, adcx_isr, 0, "adcx", adc);
	if (ret)
		goto err_free;

	writel(1, adc->regs + ADCX_IRQ_EN);
	platform_set_drvdata(pdev, adc);
	return 0;

err_free:
	kfree(adc);
	return ret;
}

static int adcx_remove(struct platform_device *pdev)
{
	struct adcx *adc = platform_get_drvdata(pdev);

	writel(0, adc->regs + ADCX_IRQ_EN);
	free_irq(adc->irq, adc);
	kfree(adc);
	return 0;
}

static struct platform_driver adcx_driver = {
	.probe = adcx_probe,
	.remove = adcx_remove,
	.driver = {
		.name = "adcx",
	},
};
module_platform_driver(adcx_driver);

MODULE_LICENSE("GPL");
