// SPDX-License-Identifier: GPL-2.0
/* Nearest safe case: an object-sized allocation converts. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct pagebuf {
	unsigned char bytes[64];
};

static int pager_probe(struct platform_device *pdev)
{
	struct pagebuf *p;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	platform_set_drvdata(pdev, p);
	return 0;
}

static int pager_remove(struct platform_device *pdev)
{
	struct pagebuf *p = platform_get_drvdata(pdev);

	kfree(p);
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
