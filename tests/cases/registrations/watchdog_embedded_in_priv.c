// SPDX-License-Identifier: GPL-2.0
/* Nearest safe case for DV006: struct watchdog_device embedded in priv is no refcounted
 * object of the driver's (the core keeps its own watchdog_core_data), so priv converts. */
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/watchdog.h>

#define WDTX_CTRL	0x00
#define WDTX_CTRL_EN	0x1

struct wdtx_priv {
	void __iomem *base;
	struct watchdog_device wdd;
};

static int wdtx_probe(struct platform_device *pdev)
{
	struct watchdog_device *wdd;
	struct wdtx_priv *priv;
	struct resource *res;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res) {
		ret = -ENODEV;
		goto err_free;
	}
	priv->base = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!priv->base) {
		ret = -ENOMEM;
		goto err_free;
	}

	wdd = &priv->wdd;
	wdd->identity = "wdtx";
	wdd->parent = &pdev->dev;
	if (readl(priv->base + WDTX_CTRL) & WDTX_CTRL_EN)
		dev_info(&pdev->dev, "left running by the boot loader\n");

	ret = watchdog_register_device(wdd);
	if (ret) {
		dev_err(&pdev->dev, "cannot register watchdog: %d\n", ret);
		goto err_free;
	}

	platform_set_drvdata(pdev, priv);
	return 0;

err_free:
	kfree(priv);
	return ret;
}

static int wdtx_remove(struct platform_device *pdev)
{
	struct wdtx_priv *priv = platform_get_drvdata(pdev);

	watchdog_unregister_device(&priv->wdd);
	kfree(priv);
	return 0;
}

static struct platform_driver wdtx_driver = {
	.probe = wdtx_probe,
	.remove = wdtx_remove,
	.driver = {
		.name = "wdtx",
	},
};
module_platform_driver(wdtx_driver);

MODULE_LICENSE("GPL");
