// SPDX-License-Identifier: GPL-2.0
/* Nearest that stays: a label no goto used in the original is not devmify's to drop. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct busx {
	int irq;
	u32 speed;
};

static int busx_probe(struct platform_device *pdev)
{
	struct busx *bus;
	int ret;

	bus = kzalloc(sizeof(*bus), GFP_KERNEL);
	if (!bus)
		return -ENOMEM;

	bus->speed = 100000;
	ret = platform_get_irq(pdev, 0);
	if (ret < 0)
		goto err_free;
	bus->irq = ret;

	platform_set_drvdata(pdev, bus);
out:
	return 0;

err_free:
	kfree(bus);
	return ret;
}

static int busx_remove(struct platform_device *pdev)
{
	struct busx *bus = platform_get_drvdata(pdev);

	dev_info(&pdev->dev, "speed %u\n", bus->speed);
	kfree(bus);
	return 0;
}

static struct platform_driver busx_driver = {
	.probe = busx_probe,
	.remove = busx_remove,
	.driver = {
		.name = "busx",
	},
};
module_platform_driver(busx_driver);

MODULE_LICENSE("GPL");
