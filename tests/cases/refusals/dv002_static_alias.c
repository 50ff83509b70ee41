// SPDX-License-Identifier: GPL-2.0
/* DV002: priv may point at a static boot-console instance that must never be freed. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct consx {
	int id;
	bool boot;
};

static struct consx consx_boot_priv;

static int consx_probe(struct platform_device *pdev)
{
	struct consx *pv;

	if (pdev->id == 0) {
		pv = &consx_boot_priv;
	} else {
		pv = kzalloc(sizeof(*pv), GFP_KERNEL);
		if (!pv)
			return -ENOMEM;
	}

	pv->id = pdev->id;
	platform_set_drvdata(pdev, pv);
	return 0;
}

static int consx_remove(struct platform_device *pdev)
{
	struct consx *pv = platform_get_drvdata(pdev);

	if (pv != &consx_boot_priv)
		kfree(pv);
	return 0;
}

static struct platform_driver consx_driver = {
	.probe = consx_probe,
	.remove = consx_remove,
	.driver = {
		.name = "consx",
	},
};
module_platform_driver(consx_driver);

MODULE_LICENSE("GPL");
