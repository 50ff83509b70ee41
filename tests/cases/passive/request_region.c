// SPDX-License-Identifier: GPL-2.0
/* request_region() on legacy I/O ports at priv->iobase becomes devm_request_region(). */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define SIOX_IO_EXTENT	8

struct siox_pdata {
	unsigned long iobase;
};

struct siox_priv {
	unsigned long iobase;
	u8 chip_id;
};

static int siox_probe(struct platform_device *pdev)
{
	struct siox_pdata *pdata = dev_get_platdata(&pdev->dev);
	struct siox_priv *priv;
	int ret;

	if (!pdata)
		return -EINVAL;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->iobase = pdata->iobase;
	if (!request_region(priv->iobase, SIOX_IO_EXTENT, "siox")) {
		ret = -EBUSY;
		goto err_free;
	}

	priv->chip_id = inb(priv->iobase + 1);
	if (priv->chip_id == 0xff) {
		dev_err(&pdev->dev, "no chip at %#lx\n", priv->iobase);
		ret = -ENODEV;
		goto err_release;
	}

	platform_set_drvdata(pdev, priv);
	return 0;

err_release:
	release_region(priv->iobase, SIOX_IO_EXTENT);
err_free:
	kfree(priv);
	return ret;
}

static int siox_remove(struct platform_device *pdev)
{
	struct siox_priv *priv = platform_get_drvdata(pdev);

	release_region(priv->iobase, SIOX_IO_EXTENT);
	kfree(priv);
	return 0;
}

static struct platform_driver siox_driver = {
	.probe = siox_probe,
	.remove = siox_remove,
	.driver = {
		.name = "siox",
	},
};
module_platform_driver(siox_driver);

MODULE_LICENSE("GPL");
