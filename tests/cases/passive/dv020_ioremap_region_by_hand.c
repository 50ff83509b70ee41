// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV020): the region claimed with request_mem_region() is kept in priv->area and
 * given back with release_resource(), a shape that stays by hand; devm_ioremap() of the same
 * range would then be unmapped only after remove() gave the region up, so ioremap() stays. */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define WDTR_CTRL	0x00

struct wdtr_priv {
	struct resource *area;
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

	priv->area = request_mem_region(res->start, resource_size(res), "wdtr");
	if (!priv->area) {
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
	release_resource(priv->area);
	kfree(priv->area);
err_free:
	kfree(priv);
	return ret;
}

static int wdtr_remove(struct platform_device *pdev)
{
	struct wdtr_priv *priv = platform_get_drvdata(pdev);

	writel(0, priv->base + WDTR_CTRL);
	iounmap(priv->base);
	release_resource(priv->area);
	kfree(priv->area);
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
