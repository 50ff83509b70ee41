// SPDX-License-Identifier: GPL-2.0
/* Refusal: the registers the handler reads are mapped with devm_ioremap() only after
 * request_irq(); devres releases last-acquired first, so with devm_request_irq() the
 * mapping would go while the handler can still run (DV019). */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define WDGX_STAT	0x08

struct wdgx {
	void __iomem *base;
	int irq;
	u32 last;
};

static irqreturn_t wdgx_isr(int irq, void *data)
{
	struct wdgx *wd = data;

	wd->last = readl(wd->base + WDGX_STAT);
	writel(wd->last, wd->base + WDGX_STAT);
	return IRQ_HANDLED;
}

static int wdgx_probe(struct platform_device *pdev)
{
	struct resource *res;
	struct wdgx *wd;
	int ret;

	wd = devm_kzalloc(&pdev->dev, sizeof(*wd), GFP_KERNEL);
	if (!wd)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;

	wd->irq = platform_get_irq(pdev, 0);
	if (wd->irq < 0)
		return wd->irq;
	ret = request_irq(wd->irq, wdgx_isr, 0, "wdgx", wd);
	if (ret)
		return ret;

	wd->base = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!wd->base) {
		free_irq(wd->irq, wd);
		return -ENOMEM;
	}

	platform_set_drvdata(pdev, wd);
	return 0;
}

static int wdgx_remove(struct platform_device *pdev)
{
	struct wdgx *wd = platform_get_drvdata(pdev);

	free_irq(wd->irq, wd);
	return 0;
}

static struct platform_driver wdgx_driver = {
	.probe = wdgx_probe,
	.remove = wdgx_remove,
	.driver = {
		.name = "wdgx",
	},
};
module_platform_driver(wdgx_driver);

MODULE_LICENSE("GPL");
