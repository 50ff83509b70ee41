// SPDX-License-Identifier: GPL-2.0
/* kstrdup_const() -> devm_kstrdup_const(); its kfree_const() calls go too. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct regx {
	const char *supply;
	const char *name;
};

static int regx_probe(struct platform_device *pdev)
{
	struct regx *rx;
	int ret;

	rx = devm_kzalloc(&pdev->dev, sizeof(*rx), GFP_KERNEL);
	if (!rx)
		return -ENOMEM;

	rx->name = kstrdup_const(pdev->name, GFP_KERNEL);
	if (!rx->name)
		return -ENOMEM;

	rx->supply = kstrdup_const("vin", GFP_KERNEL);
	if (!rx->supply) {
		ret = -ENOMEM;
		goto err_name;
	}

	platform_set_drvdata(pdev, rx);
	return 0;

err_name:
	kfree_const(rx->name);
	return ret;
}

static int regx_remove(struct platform_device *pdev)
{
	struct regx *rx = platform_get_drvdata(pdev);

	kfree_const(rx->supply);
	kfree_const(rx->name);
	return 0;
}

static struct platform_driver regx_driver = {
	.probe = regx_probe,
	.remove = regx_remove,
	.driver = {
		.name = "regx",
	},
};
module_platform_driver(regx_driver);

MODULE_LICENSE("GPL");
