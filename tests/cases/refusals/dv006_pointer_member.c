// SPDX-License-Identifier: GPL-2.0
/* Nearest safe case: the struct only points to a refcounted object it does not embed. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct chimer {
	struct device *dev;
	int tone;
};

static int chimer_probe(struct platform_device *pdev)
{
	struct chimer *ch;

	ch = kzalloc(sizeof(*ch), GFP_KERNEL);
	if (!ch)
		return -ENOMEM;

	ch->dev = &pdev->dev;
	ch->tone = 440;
	platform_set_drvdata(pdev, ch);
	return 0;
}

static int chimer_remove(struct platform_device *pdev)
{
	struct chimer *ch = platform_get_drvdata(pdev);

	kfree(ch);
	return 0;
}

static struct platform_driver chimer_driver = {
	.probe = chimer_probe,
	.remove = chimer_remove,
	.driver = {
		.name = "chimer",
	},
};
module_platform_driver(chimer_driver);

MODULE_LICENSE("GPL");
