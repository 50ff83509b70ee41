// SPDX-License-Identifier: GPL-2.0
/* A serdev driver: the state goes devm on &serdev->dev; open/close stay. */
#include <linux/module.h>
#include <linux/serdev.h>
#include <linux/slab.h>

struct gnssx {
	struct serdev_device *serdev;
	u8 *rxbuf;
};

static int gnssx_probe(struct serdev_device *serdev)
{
	struct gnssx *gd;
	int ret;

	gd = kzalloc(sizeof(*gd), GFP_KERNEL);
	if (!gd)
		return -ENOMEM;

	gd->serdev = serdev;
	serdev_device_set_drvdata(serdev, gd);

	ret = serdev_device_open(serdev);
	if (ret) {
		kfree(gd);
		return ret;
	}

	return 0;
}

static void gnssx_remove(struct serdev_device *serdev)
{
	struct gnssx *gd = serdev_device_get_drvdata(serdev);

	serdev_device_close(serdev);
	kfree(gd);
}

static struct serdev_device_driver gnssx_driver = {
	.probe = gnssx_probe,
	.remove = gnssx_remove,
	.driver = {
		.name = "gnssx",
	},
};
module_serdev_device_driver(gnssx_driver);

MODULE_LICENSE("GPL");
