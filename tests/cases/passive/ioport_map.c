// SPDX-License-Identifier: GPL-2.0
/* ioport_map() of the IO resource becomes devm_ioport_map(); ioport_unmap() goes. */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct wdtio_priv {
	void __iomem *io;
	unsigned int timeout;
};

static int wdtio_probe(struct platform_device *pdev)
{
	struct wdtio_priv *priv;
	struct resource *res;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_IO, 0);
	if (!res) {
		ret = -ENODEV;
		goto out_free;
	}

	priv->io = ioport_map(res->start, resource_size(res));
	if (!priv->io) {
		dev_err(&pdev->dev, "cannot map I/O ports\n");
		ret = -ENOMEM;
		goto out_free;
	}

	priv->timeout = ioread32(priv->io);
	if (!priv->timeout) {
		ret = -ENODEV;
		goto out_unmap;
	}

	platform_set_drvdata(pdev, priv);
	return 0;

out_unmap:
	ioport_unmap(priv->io);
out_free:
	kfree(priv);
	return ret;
}

static int wdtio_remove(struct platform_device *pdev)
{
	struct wdtio_priv *priv = platform_get_drvdata(pdev);

	iowrite32(0, priv->io);
	ioport_unmap(priv->io);
	kfree(priv);
	return 0;
}

static struct platform_driver wdtio_driver = {
	.probe = wdtio_probe,
	.remove = wdtio_remove,
	.driver = {
		.name = "wdtio",
	},
};
module_platform_driver(wdtio_driver);

MODULE_LICENSE("GPL");
