// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV019): remove() stops the timer after watchdog_unregister_device(); with
 * devres /dev/watchdog could still be opened and restart it after that. */
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/watchdog.h>

#define WDTS_CTRL	0x00
#define WDTS_CTRL_EN	0x1

struct wdts_priv {
	void __iomem *base;
	struct watchdog_device wdd;
};

static int wdts_stop(struct watchdog_device *wdd)
{
	struct wdts_priv *priv = watchdog_get_drvdata(wdd);

	writel(0, priv->base + WDTS_CTRL);
	return 0;
}

static int wdts_probe(struct platform_device *pdev)
{
	struct watchdog_device *wdd;
	struct wdts_priv *priv;
	struct resource *res;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	priv->base = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!priv->base)
		return -ENOMEM;

	wdd = &priv->wdd;
	wdd->identity = "wdts";
	wdd->parent = &pdev->dev;
	watchdog_set_drvdata(wdd, priv);

	ret = watchdog_register_device(wdd);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, wdd);
	return 0;
}

static int wdts_remove(struct platform_device *pdev)
{
	struct watchdog_device *wdd = platform_get_drvdata(pdev);

	watchdog_unregister_device(wdd);
	wdts_stop(wdd);
	return 0;
}

static struct platform_driver wdts_driver = {
	.probe = wdts_probe,
	.remove = wdts_remove,
	.driver = {
		.name = "wdts",
	},
};
module_platform_driver(wdts_driver);

MODULE_LICENSE("GPL");
