// SPDX-License-Identifier: GPL-2.0
/* The nearest safe case: the statement macro is used with its semicolon. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define WIDGET_TRACE(x) dev_info(&(x)->dev, "probing\n")

struct widget {
	int id;
};

static int widget_probe(struct platform_device *pdev)
{
	struct widget *w;

	WIDGET_TRACE(pdev);
	w = kzalloc(sizeof(*w), GFP_KERNEL);
	if (!w)
		return -ENOMEM;
	w->id = pdev->id;
	platform_set_drvdata(pdev, w);
	return 0;
}

static int widget_remove(struct platform_device *pdev)
{
	struct widget *w = platform_get_drvdata(pdev);

	kfree(w);
	return 0;
}

static struct platform_driver widget_driver = {
	.probe = widget_probe,
	.remove = widget_remove,
	.driver = {
		.name = "widget",
	},
};
module_platform_driver(widget_driver);

MODULE_LICENSE("GPL");
