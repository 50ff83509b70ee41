// SPDX-License-Identifier: GPL-2.0
/* Refusal: remove() marks the device suspended after disabling runtime PM. With
 * devm_pm_runtime_enable() runtime PM would only be disabled after remove() returns, so
 * pm_runtime_set_suspended() would run while the runtime callbacks can still be called (and
 * fail with -EAGAIN on an enabled device). pm_runtime_enable() stays (DV019), with its
 * pm_runtime_disable() calls; the mapping and the private data, which the runtime callbacks
 * use, still convert: devres frees them after remove() has disabled runtime PM. */
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>

#define GPUX_PWR_CTRL	0x10
#define GPUX_PWR_ON	0x1

struct gpux_priv {
	void __iomem *base;
};

static int gpux_probe(struct platform_device *pdev)
{
	struct gpux_priv *priv;
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

	platform_set_drvdata(pdev, priv);
	pm_runtime_set_active(&pdev->dev);
	pm_runtime_enable(&pdev->dev);

	ret = pm_runtime_resume_and_get(&pdev->dev);
	if (ret)
		goto err_pm;
	writel(GPUX_PWR_ON, priv->base + GPUX_PWR_CTRL);
	pm_runtime_put(&pdev->dev);

	return 0;

err_pm:
	pm_runtime_disable(&pdev->dev);
	pm_runtime_set_suspended(&pdev->dev);
	iounmap(priv->base);
err_free:
	kfree(priv);
	return ret;
}

static int gpux_remove(struct platform_device *pdev)
{
	struct gpux_priv *priv = platform_get_drvdata(pdev);

	pm_runtime_disable(&pdev->dev);
	pm_runtime_set_suspended(&pdev->dev);
	iounmap(priv->base);
	kfree(priv);
	return 0;
}

static int __maybe_unused gpux_runtime_suspend(struct device *dev)
{
	struct gpux_priv *priv = dev_get_drvdata(dev);

	writel(0, priv->base + GPUX_PWR_CTRL);
	return 0;
}

static int __maybe_unused gpux_runtime_resume(struct device *dev)
{
	struct gpux_priv *priv = dev_get_drvdata(dev);

	writel(GPUX_PWR_ON, priv->base + GPUX_PWR_CTRL);
	return 0;
}

static const struct dev_pm_ops gpux_pm_ops = {
	SET_RUNTIME_PM_OPS(gpux_runtime_suspend, gpux_runtime_resume, NULL)
};

static struct platform_driver gpux_driver = {
	.probe = gpux_probe,
	.remove = gpux_remove,
	.driver = {
		.name = "gpux",
		.pm = &gpux_pm_ops,
	},
};
module_platform_driver(gpux_driver);

MODULE_LICENSE("GPL");
