// SPDX-License-Identifier: GPL-2.0
/* request_region() of fixed legacy ports becomes devm_request_region(); release_region() goes. */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define GAMEX_PORT	0x201
#define GAMEX_EXTENT	1

struct gamex_priv {
	u8 axes;
	u8 buttons;
};

static int gamex_probe(struct platform_device *pdev)
{
	struct gamex_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	if (!request_region(GAMEX_PORT, GAMEX_EXTENT, "gamex")) {
		ret = -EBUSY;
		goto err_free;
	}

	outb(0xff, GAMEX_PORT);
	priv->axes = inb(GAMEX_PORT) & 0x0f;
	if (priv->axes == 0x0f) {
		ret = -ENODEV;
		goto err_release;
	}
	priv->buttons = 4;

	platform_set_drvdata(pdev, priv);
	return 0;

err_release:
	release_region(GAMEX_PORT, GAMEX_EXTENT);
err_free:
	kfree(priv);
	return ret;
}

static int gamex_remove(struct platform_device *pdev)
{
	struct gamex_priv *priv = platform_get_drvdata(pdev);

	release_region(GAMEX_PORT, GAMEX_EXTENT);
	kfree(priv);
	return 0;
}

static struct platform_driver gamex_driver = {
	.probe = gamex_probe,
	.remove = gamex_remove,
	.driver = {
		.name = "gamex",
	},
};
module_platform_driver(gamex_driver);

MODULE_LICENSE("GPL");
