// SPDX-License-Identifier: GPL-2.0
/* Refusal: remove() is in a safe order, but probe's error exit after request_irq()
 * puts the block back into reset after free_irq(); with devm_request_irq() the handler
 * would stay installed until devres runs after probe fails, and could touch the block
 * in reset (DV019).  The private data still converts. */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define PWMC_CTRL	0x00
#define PWMC_CTRL_RESET	0x1
#define PWMC_IRQ_EN	0x04
#define PWMC_IRQ_STAT	0x08
#define PWMC_ID		0x0c

struct pwmc {
	void __iomem *regs;
	int irq;
	unsigned int periods;
};

static irqreturn_t pwmc_isr(int irq, void *data)
{
	struct pwmc *pc = data;

	writel(readl(pc->regs + PWMC_IRQ_STAT), pc->regs + PWMC_IRQ_STAT);
	pc->periods++;
	return IRQ_HANDLED;
}

static int pwmc_hw_init(struct pwmc *pc)
{
	if (readl(pc->regs + PWMC_ID) != 0x5057)
		return -ENODEV;
	writel(1, pc->regs + PWMC_IRQ_EN);
	return 0;
}

static int pwmc_probe(struct platform_device *pdev)
{
	struct resource *res;
	struct pwmc *pc;
	int ret;

	pc = kzalloc(sizeof(*pc), GFP_KERNEL);
	if (!pc)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res) {
		ret = -ENODEV;
		goto err_free;
	}
	pc->regs = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!pc->regs) {
		ret = -ENOMEM;
		goto err_free;
	}
	writel(0, pc->regs + PWMC_CTRL);

	pc->irq = platform_get_irq(pdev, 0);
	if (pc->irq < 0) {
		ret = pc->irq;
		goto err_reset;
	}
	ret = request_irq(pc->irq, pwmc_isr, 0, "pwmc", pc);
	if (ret)
		goto err_reset;

	ret = pwmc_hw_init(pc);
	if (ret)
		goto err_irq;

	platform_set_drvdata(pdev, pc);
	return 0;

err_irq:
	free_irq(pc->irq, pc);
err_reset:
	writel(PWMC_CTRL_RESET, pc->regs + PWMC_CTRL);
err_free:
	kfree(pc);
	return ret;
}

static int pwmc_remove(struct platform_device *pdev)
{
	struct pwmc *pc = platform_get_drvdata(pdev);

	writel(0, pc->regs + PWMC_IRQ_EN);
	free_irq(pc->irq, pc);
	kfree(pc);
	return 0;
}

static struct platform_driver pwmc_driver = {
	.probe = pwmc_probe,
	.remove = pwmc_remove,
	.driver = {
		.name = "pwmc",
	},
};
module_platform_driver(pwmc_driver);

MODULE_LICENSE("GPL");
