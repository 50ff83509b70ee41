// SPDX-License-Identifier: GPL-2.0
/* Nearest safe case: free_irq() is the last thing a stop helper does, and remove() calls
 * the helper last; the IRQ converts, the free_irq() leaves the helper and the register
 * write that masks the block stays. */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define RNGX_CTRL	0x00
#define RNGX_OUT	0x08

struct rngx {
	void __iomem *base;
	int irq;
	u32 pool;
};

static irqreturn_t rngx_isr(int irq, void *data)
{
	struct rngx *rng = data;

	rng->pool ^= readl(rng->base + RNGX_OUT);
	return IRQ_HANDLED;
}

static void rngx_stop(struct rngx *rng)
{
	writel(0, rng->base + RNGX_CTRL);
	free_irq(rng->irq, rng);
}

static int rngx_probe(struct platform_device *pdev)
{
	struct resource *res;
	struct rngx *rng;
	int ret;

	rng = devm_kzalloc(&pdev->dev, sizeof(*rng), GFP_KERNEL);
	if (!rng)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	rng->base = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!rng->base)
		return -ENOMEM;

	rng->irq = platform_get_irq(pdev, 0);
	if (rng->irq < 0)
		return rng->irq;
	ret = request_irq(rng->irq, rngx_isr, 0, "rngx", rng);
	if (ret)
		return ret;

	writel(1, rng->base + RNGX_CTRL);
	platform_set_drvdata(pdev, rng);
	return 0;
}

static int rngx_remove(struct platform_device *pdev)
{
	struct rngx *rng = platform_get_drvdata(pdev);

	rngx_stop(rng);
	return 0;
}

static struct platform_driver rngx_driver = {
	.probe = rngx_probe,
	.remove = rngx_remove,
	.driver = {
		.name = "rngx",
	},
};
module_platform_driver(rngx_driver);

MODULE_LICENSE("GPL");
