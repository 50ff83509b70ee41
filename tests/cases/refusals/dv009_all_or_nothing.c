// SPDX-License-Identifier: GPL-2.0
/* devmify-options: --policy all-or-nothing
 * The LED class device stays registered by hand (devmify does not convert
 * led_classdev_register() to devm_led_classdev_register()), so nothing converts. */
#include <linux/leds.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct pager {
	struct led_classdev led;
	int code;
};

static int pager_probe(struct platform_device *pdev)
{
	struct pager *pg;
	int ret;

	pg = kzalloc(sizeof(*pg), GFP_KERNEL);
	if (!pg)
		return -ENOMEM;

	pg->led.name = "pager::status";
	ret = led_classdev_register(&pdev->dev, &pg->led);
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

	led_classdev_unregister(&pg->led);
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
