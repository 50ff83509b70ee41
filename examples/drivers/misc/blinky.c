// SPDX-License-Identifier: GPL-2.0
/*
 * Example platform driver for devmify's bundled tree: private data and a label,
 * freed by hand on every error path and in remove().  devmify converts it fully.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct blinky {
	struct device *dev;
	char *label;
	unsigned int *pattern;
	int npattern;
};

static int blinky_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct blinky *bl;
	int ret;

	bl = kzalloc(sizeof(*bl), GFP_KERNEL);
	if (!bl)
		return -ENOMEM;

	bl->dev = dev;
	bl->npattern = 4;
	bl->pattern = kcalloc(bl->npattern, sizeof(*bl->pattern), GFP_KERNEL);
	if (!bl->pattern) {
		ret = -ENOMEM;
		goto err_free;
	}

	bl->label = kasprintf(GFP_KERNEL, "blinky.%d", pdev->id);
	if (!bl->label) {
		ret = -ENOMEM;
		goto err_free_pattern;
	}

	platform_set_drvdata(pdev, bl);
	dev_info(dev, "%s ready\n", bl->label);
	return 0;

err_free_pattern:
	kfree(bl->pattern);
err_free:
	kfree(bl);
	return ret;
}

static int blinky_remove(struct platform_device *pdev)
{
	struct blinky *bl = platform_get_drvdata(pdev);

	kfree(bl->label);
	kfree(bl->pattern);
	kfree(bl);
	return 0;
}

static struct platform_driver blinky_driver = {
	.probe = blinky_probe,
	.remove = blinky_remove,
	.driver = {
		.name = "blinky",
	},
};
module_platform_driver(blinky_driver);

MODULE_LICENSE("GPL");
