// SPDX-License-Identifier: GPL-2.0
/* Nearest safe case: the same driver releasing its region plainly with release_mem_region()
 * of the resource it claimed; request_mem_region() and ioremap() both convert, so nothing
 * gives the region up while it is mapped (one devm_platform_ioremap_resource()). */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define WDTR_CTRL	0x00

struct wdtr_priv {
	void __iomem *base;
};

static int wdtr_probe(struct platform_device *pdev)
{
	struct wdtr_priv *priv;
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

	if (!request_mem_region(res->start, resource_size(res), "wdtr")) {
		ret = -EBUSY;
		goto err_free;
	}

	priv->base = ioremap(res->start, resource_size(res));
	if (!priv->base) {
		ret = -ENOMEM;
		goto err_release;
	}

	writel(0, priv->base + WDTR_CTRL);
	platform_set_drvdata(pdev, priv);
	return 0;

err_release:
	release_mem_region(res->start, resource_size(res));
err_free:
	kfree(priv);
	return ret;
}

static int wdtr_remove(struct platform_device *pdev)
{
	struct wdtr_priv *priv = platform_get_drvdata(pdev);
	struct resource *res = platform_get_resource(pdev, IORESOURCE_MEM, 0);

	writel(0, priv->base + WDTR_CTRL);
	iounmap(priv->base);
	release_mem_region(res->start, resource_size(res));
	kfree(priv);
	return 0;
}

static struct platform_driver wdtr_driver = {
	.probe = wdtr_probe,
	.remove = wdtr_remove,
	.driver = {
		.name = "wdtr",
	},
};
module_platform_driver(wdtr_driver);

MODULE_LICENSE("GPL");
