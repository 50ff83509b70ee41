// SPDX-License-Identifier: GPL-2.0
/* Refusal: device_wakeup_enable()'s result is ignored, as many drivers do. Its
 * device_wakeup_disable() could only move into a devm action registered after a checked
 * enable: with no `if (ret)` there is no exit to give devm_add_action_or_reset(), so
 * device_wakeup_disable() stays in remove() and on the error path. The memory, the mapping
 * and the interrupt still convert; devres frees the interrupt after remove() has disabled
 * the wakeup source, the order remove() had. */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/pm_wakeup.h>
#include <linux/slab.h>

#define WAKEX_STATUS	0x00
#define WAKEX_CTRL	0x04
#define WAKEX_CTRL_ARM	0x1

struct wakex_priv {
	void __iomem *base;
	int irq;
};

static irqreturn_t wakex_irq(int irq, void *data)
{
	struct wakex_priv *priv = data;
	u32 status = readl(priv->base + WAKEX_STATUS);

	if (!status)
		return IRQ_NONE;
	writel(status, priv->base + WAKEX_STATUS);
	return IRQ_HANDLED;
}

static int wakex_hw_arm(struct wakex_priv *priv)
{
	writel(WAKEX_CTRL_ARM, priv->base + WAKEX_CTRL);
	return readl(priv->base + WAKEX_CTRL) & WAKEX_CTRL_ARM ? 0 : -EIO;
}

static int wakex_probe(struct platform_device *pdev)
{
	struct wakex_priv *priv;
	struct resource *res;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res) {
		ret = -EINVAL;
		goto err_free;
	}
	priv->base = ioremap(res->start, resource_size(res));
	if (!priv->base) {
		ret = -ENOMEM;
		goto err_free;
	}

	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0) {
		ret = priv->irq;
		goto err_unmap;
	}
	ret = request_irq(priv->irq, wakex_irq, 0, "wakex", priv);
	if (ret)
		goto err_unmap;

	device_wakeup_enable(&pdev->dev);

	ret = wakex_hw_arm(priv);
	if (ret)
		goto err_wakeup;

	platform_set_drvdata(pdev, priv);
	return 0;

err_wakeup:
	device_wakeup_disable(&pdev->dev);
	free_irq(priv->irq, priv);
err_unmap:
	iounmap(priv->base);
err_free:
	kfree(priv);
	return ret;
}

static int wakex_remove(struct platform_device *pdev)
{
	struct wakex_priv *priv = platform_get_drvdata(pdev);

	device_wakeup_disable(&pdev->dev);
	free_irq(priv->irq, priv);
	iounmap(priv->base);
	kfree(priv);
	return 0;
}

static struct platform_driver wakex_driver = {
	.probe = wakex_probe,
	.remove = wakex_remove,
	.driver = {
		.name = "wakex",
	},
};
module_platform_driver(wakex_driver);

MODULE_LICENSE("GPL");
