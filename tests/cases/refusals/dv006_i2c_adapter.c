// SPDX-License-Identifier: GPL-2.0
/* Nearest safe case: an embedded i2c_adapter; i2c_del_adapter() waits for its release. */
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct nest_priv {
	struct i2c_adapter adap;
};

static int nest_probe(struct platform_device *pdev)
{
	struct nest_priv *p;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	platform_set_drvdata(pdev, p);
	return 0;
}

static int nest_remove(struct platform_device *pdev)
{
	struct nest_priv *p = platform_get_drvdata(pdev);

	kfree(p);
	return 0;
}

static struct platform_driver nest_driver = {
	.probe = nest_probe,
	.remove = nest_remove,
	.driver = {
		.name = "nest",
	},
};
module_platform_driver(nest_driver);

MODULE_LICENSE("GPL");
