// SPDX-License-Identifier: GPL-2.0
/* A NULL-guarded `if (p) kfree(p);` in remove() goes with its guard. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct ledx {
	u8 *pattern;
	int irq;
};

static int ledx_probe(struct platform_device *pdev)
{
	struct ledx *led;

	led = devm_kzalloc(&pdev->dev, sizeof(*led), GFP_KERNEL);
	if (!led)
		return -ENOMEM;

	led->pattern = kzalloc(64, GFP_KERNEL);
	if (!led->pattern)
		return -ENOMEM;

	led->irq = platform_get_irq(pdev, 0);
	platform_set_drvdata(pdev, led);
	return 0;
}

static int ledx_remove(struct platform_device *pdev)
{
	struct ledx *led = platform_get_drvdata(pdev);

	dev_info(&pdev->dev, "irq %d released\n", led->irq);
	if (led->pattern)
		kfree(led->pattern);
	return 0;
}

static struct platform_driver ledx_driver = {
	.probe = ledx_probe,
	.remove = ledx_remove,
	.driver = {
		.name = "ledx",
	},
};
module_platform_driver(ledx_driver);

MODULE_LICENSE("GPL");
