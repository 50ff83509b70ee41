// SPDX-License-Identifier: GPL-2.0
/* mdiobus_alloc() + mdiobus_register() become devm_mdiobus_alloc() +
 * devm_mdiobus_register() together; the unregister, the free and remove() go. */
#include <linux/module.h>
#include <linux/phy.h>
#include <linux/platform_device.h>

static int mdiox_probe(struct platform_device *pdev)
{
	struct mii_bus *bus;
	int ret;

	bus = mdiobus_alloc();
	if (!bus)
		return -ENOMEM;

	bus->name = "mdiox";
	bus->parent = &pdev->dev;
	ret = mdiobus_register(bus);
	if (ret)
		goto err_free;

	platform_set_drvdata(pdev, bus);
	return 0;

err_free:
	mdiobus_free(bus);
	return ret;
}

static int mdiox_remove(struct platform_device *pdev)
{
	struct mii_bus *bus = platform_get_drvdata(pdev);

	mdiobus_unregister(bus);
	mdiobus_free(bus);
	return 0;
}

static struct platform_driver mdiox_driver = {
	.probe = mdiox_probe,
	.remove = mdiox_remove,
	.driver = {
		.name = "mdiox",
	},
};
module_platform_driver(mdiox_driver);

MODULE_LICENSE("GPL");
