// SPDX-License-Identifier: GPL-2.0
/* remove() fetches priv with dev_get_drvdata(&pdev->dev), not platform_get_drvdata(). */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct fanx {
	int irq;
	unsigned int rpm;
};

static int fanx_probe(struct platform_device *pdev)
{
	struct fanx *fan;

	fan = kzalloc(sizeof(*fan), GFP_KERNEL);
	if (!fan)
		return -ENOMEM;

	fan->irq = platform_get_irq(pdev, 0);
	if (fan->irq < 0) {
		kfree(fan);
		return -ENODEV;
	}

	platform_set_drvdata(pdev, fan);
	return 0;
}

static int fanx_remove(struct platform_device *pdev)
{
	struct fanx *fan = dev_get_drvdata(&pdev->dev);

	kfree(fan);
	return 0;
}

static struct platform_driver fanx_driver = {
	.probe = fanx_probe,
	.remove = fanx_remove,
	.driver = {
		.name = "fanx",
	},
};
module_platform_driver(fanx_driver);

MODULE_LICENSE("GPL");
