// SPDX-License-Identifier: GPL-2.0
/* ioremap() of the MEM resource becomes devm_ioremap(); iounmap() goes from ladder and remove(). */
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct tmrx_priv {
	void __iomem *base;
	int irq;
};

static int tmrx_probe(struct platform_device *pdev)
{
	struct tmrx_priv *priv;
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

	writel(0, priv->base);
	platform_set_drvdata(pdev, priv);
	return 0;

err_unmap:
	iounmap(priv->base);
err_free:
	kfree(priv);
	return ret;
}

static int tmrx_remove(struct platform_device *pdev)
{
	struct tmrx_priv *priv = platform_get_drvdata(pdev);

	writel(0, priv->base);
	iounmap(priv->base);
	kfree(priv);
	return 0;
}

static struct platform_driver tmrx_driver = {
	.probe = tmrx_probe,
	.remove = tmrx_remove,
	.driver = {
		.name = "tmrx",
	},
};
module_platform_driver(tmrx_driver);

MODULE_LICENSE("GPL");
