// SPDX-License-Identifier: GPL-2.0
/* The private data embeds a struct that embeds a kref: it can outlive unbind. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct kref {
	int refcount;
};

struct nest_port {
	struct kref ref;
	int id;
};

struct nest_priv {
	struct nest_port port;
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
