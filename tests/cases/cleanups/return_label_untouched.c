// SPDX-License-Identifier: GPL-2.0
/* Nearest case: no goto of ours lands on `out:`, so its gotos stay as they are. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct meter {
	int scale;
};

static int meter_check(struct platform_device *pdev)
{
	return pdev->id < 0 ? -ENODEV : 0;
}

static int meter_probe(struct platform_device *pdev)
{
	struct meter *mt;
	int ret;

	ret = meter_check(pdev);
	if (ret)
		goto out;

	mt = kzalloc(sizeof(*mt), GFP_KERNEL);
	if (!mt) {
		ret = -ENOMEM;
		goto out;
	}

	mt->scale = pdev->id;

	platform_set_drvdata(pdev, mt);
	return 0;

out:
	return ret;
}

static int meter_remove(struct platform_device *pdev)
{
	struct meter *mt = platform_get_drvdata(pdev);

	kfree(mt);
	return 0;
}

static struct platform_driver meter_driver = {
	.probe = meter_probe,
	.remove = meter_remove,
	.driver = {
		.name = "meter",
	},
};
module_platform_driver(meter_driver);

MODULE_LICENSE("GPL");
