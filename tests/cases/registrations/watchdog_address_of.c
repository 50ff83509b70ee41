// SPDX-License-Identifier: GPL-2.0
/* watchdog_register_device(&priv->wdd) and watchdog_unregister_device(&priv->wdd) match
 * through the address of the embedded device; priv embedding a watchdog_device may be devm. */
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

	if (readl(priv->base + WDTX_CTRL) & WDTX_CTRL_EN)
		dev_info(&pdev->dev, "already running\n");

	priv->wdd.identity = "wdtx";
	priv->wdd.parent = &pdev->dev;

	ret = watchdog_register_device(&priv->wdd);
	if (ret)
		goto err_free;

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
