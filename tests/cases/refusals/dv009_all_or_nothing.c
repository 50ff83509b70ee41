// SPDX-License-Identifier: GPL-2.0
/* devmify-options: --policy all-or-nothing
 * The backlight stays registered by hand (devmify does not convert
 * backlight_device_register() to devm_backlight_device_register()), so nothing converts. */
#include <linux/backlight.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct pager {
	struct backlight_device *bl;
	int code;
};

static int pager_update_status(struct backlight_device *bd)
{
	return 0;
}

static const struct backlight_ops pager_bl_ops = {
	.update_status = pager_update_status,
};

static int pager_probe(struct platform_device *pdev)
{
	struct pager *pg;
	int ret;

	pg = kzalloc(sizeof(*pg), GFP_KERNEL);
	if (!pg)
		return -ENOMEM;

	pg->bl = backlight_device_register("pager", &pdev->dev, pg, &pager_bl_ops, NULL);
	ret = PTR_ERR_OR_ZERO(pg->bl);
	if (ret)
		goto err_free;

	platform_set_drvdata(pdev, pg);
	return 0;

err_free:
	kfree(pg);
	return ret;
}

static int pager_remove(struct platform_device *pdev)
{
	struct pager *pg = platform_get_drvdata(pdev);

	backlight_device_unregister(pg->bl);
	kfree(pg);
	return 0;
}

static struct platform_driver pager_driver = {
	.probe = pager_probe,
	.remove = pager_remove,
	.driver = {
		.name = "pager",
	},
};
module_platform_driver(pager_driver);

MODULE_LICENSE("GPL");
