// SPDX-License-Identifier: GPL-2.0
/* The next checked call after pm_runtime_enable() leaves with its own code
 * (`{ ret = -ETIMEDOUT; goto err_pm_disable; }`).  The check devmify adds after
 * devm_pm_runtime_enable() copies where that exit goes, not its code: `return ret;`.
 * The hardware shutdown the ladder pairs with pwrx_hw_init() becomes a devm action. */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>

#define PWRX_CTRL	0x00
#define PWRX_STATUS	0x04
#define PWRX_CTRL_RUN	0x1
#define ETIMEDOUT	110

struct pwrx_priv {
	void __iomem *base;
	int irq;
};

static irqreturn_t pwrx_irq(int irq, void *data)
{
	struct pwrx_priv *priv = data;
	u32 status = readl(priv->base + PWRX_STATUS);

	if (!status)
		return IRQ_NONE;
	writel(status, priv->base + PWRX_STATUS);
	return IRQ_HANDLED;
}

static int pwrx_hw_init(struct pwrx_priv *priv)
{
	writel(PWRX_CTRL_RUN, priv->base + PWRX_CTRL);
	return readl(priv->base + PWRX_CTRL) & PWRX_CTRL_RUN ? 0 : -EIO;
}

static void pwrx_hw_shutdown(struct pwrx_priv *priv)
{
	writel(0, priv->base + PWRX_CTRL);
}

static int pwrx_probe(struct platform_device *pdev)
{
	struct pwrx_priv *priv;
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

	platform_set_drvdata(pdev, priv);
	pm_runtime_set_active(&pdev->dev);
	pm_runtime_enable(&pdev->dev);

	ret = pwrx_hw_init(priv);
	if (ret) {
		dev_err(&pdev->dev, "controller does not start\n");
		ret = -ETIMEDOUT;
		goto err_pm_disable;
	}

	ret = request_irq(priv->irq, pwrx_irq, 0, "pwrx", priv);
	if (ret)
		goto err_shutdown;

	return 0;

err_shutdown:
	pwrx_hw_shutdown(priv);
err_pm_disable:
	pm_runtime_disable(&pdev->dev);
err_unmap:
	iounmap(priv->base);
err_free:
	kfree(priv);
	return ret;
}

static int pwrx_remove(struct platform_device *pdev)
{
	struct pwrx_priv *priv = platform_get_drvdata(pdev);

	free_irq(priv->irq, priv);
	pwrx_hw_shutdown(priv);
	pm_runtime_disable(&pdev->dev);
	iounmap(priv->base);
	kfree(priv);
	return 0;
}

static struct platform_driver pwrx_driver = {
	.probe = pwrx_probe,
	.remove = pwrx_remove,
	.driver = {
		.name = "pwrx",
	},
};
module_platform_driver(pwrx_driver);

MODULE_LICENSE("GPL");
