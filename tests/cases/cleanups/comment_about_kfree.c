// SPDX-License-Identifier: GPL-2.0
/* A comment that only describes the deleted kfree() goes with it; one that may also
 * describe the next statement stays. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct dimmer {
	int level;
	char *name;
};

static void dimmer_hw_off(struct dimmer *dm)
{
	dm->level = 0;
}

static int dimmer_probe(struct platform_device *pdev)
{
	struct dimmer *dm;

	dm = kzalloc(sizeof(*dm), GFP_KERNEL);
	if (!dm)
		return -ENOMEM;
	dm->name = kstrdup("dimmer", GFP_KERNEL);
	if (!dm->name) {
		kfree(dm);
		return -ENOMEM;
	}
	platform_set_drvdata(pdev, dm);
	return 0;
}

static int dimmer_remove(struct platform_device *pdev)
{
	struct dimmer *dm = platform_get_drvdata(pdev);

	/* free the name, then switch off */
	kfree(dm->name);
	dimmer_hw_off(dm);

	/* Finally, the private data itself */
	kfree(dm);
	return 0;
}

static struct platform_driver dimmer_driver = {
	.probe = dimmer_probe,
	.remove = dimmer_remove,
	.driver = {
		.name = "dimmer",
	},
};
module_platform_driver(dimmer_driver);

MODULE_LICENSE("GPL");
