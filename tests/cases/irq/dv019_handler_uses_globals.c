// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV019): a single-instance driver hands its handler itself as dev_id and keeps
 * its state in a file-scope struct, so no cookie bounds what the handler reaches;
 * remove() powers the block down and frees the buffer after free_irq(). */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define CAMY_STATUS	0x00
#define CAMY_POWER	0x04

struct camy_state {
	void __iomem *regs;
	u32 *frame;
	int irq;
};

static struct camy_state camy;

static irqreturn_t camy_irq(int irq, void *dev_id)
{
	camy.frame[0] = readl(camy.regs + CAMY_STATUS);
	return IRQ_HANDLED;
}

static int camy_probe(struct platform_device *pdev)
{
	struct resource *res;
	int ret;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	camy.regs = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!camy.regs)
		return -ENOMEM;

	camy.frame = kzalloc(64, GFP_KERNEL);
	if (!camy.frame)
		return -ENOMEM;

	camy.irq = platform_get_irq(pdev, 0);
	ret = request_irq(camy.irq, camy_irq, IRQF_SHARED, "camy", camy_irq);
	if (ret)
		goto err_free;

	writel(1, camy.regs + CAMY_POWER);
	return 0;

err_free:
	kfree(camy.frame);
	return ret;
}

static int camy_remove(struct platform_device *pdev)
{
	free_irq(camy.irq, camy_irq);
	writel(0, camy.regs + CAMY_POWER);
	kfree(camy.frame);
	return 0;
}

static struct platform_driver camy_driver = {
	.probe = camy_probe,
	.remove = camy_remove,
	.driver = {
		.name = "camy",
	},
};
module_platform_driver(camy_driver);

MODULE_LICENSE("GPL");
