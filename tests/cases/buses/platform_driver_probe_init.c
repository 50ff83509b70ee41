// SPDX-License-Identifier: GPL-2.0
/* platform_driver_probe() called from a hand-written module init function. */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct wdtx {
	struct device *dev;
	unsigned int timeout;
	char *ident;
};

static int __init wdtx_probe(struct platform_device *pdev)
{
	struct wdtx *wdt;

	wdt = kzalloc(sizeof(*wdt), GFP_KERNEL);
	if (!wdt)
		return -ENOMEM;

	wdt->ident = kstrdup(dev_name(&pdev->dev), GFP_KERNEL);
	if (!wdt->ident) {
		kfree(wdt);
		return -ENOMEM;
	}

	wdt->dev = &pdev->dev;
	wdt->timeout = 30;
	platform_set_drvdata(pdev, wdt);
	return 0;
}

static int wdtx_remove(struct platform_device *pdev)
{
	struct wdtx *wdt = platform_get_drvdata(pdev);

	dev_info(&pdev->dev, "timeout was %u\n", wdt->timeout);
	kfree(wdt->ident);
	kfree(wdt);
	return 0;
}

static struct platform_driver wdtx_driver = {
	.remove = wdtx_remove,
	.driver = {
		.name = "wdtx",
	},
};

static int __init wdtx_init(void)
{
	return platform_driver_probe(&wdtx_driver, wdtx_probe);
}
module_init(wdtx_init);

static void __exit wdtx_exit(void)
{
	platform_driver_unregister(&wdtx_driver);
}
module_exit(wdtx_exit);

MODULE_LICENSE("GPL");
