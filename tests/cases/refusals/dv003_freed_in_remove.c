// SPDX-License-Identifier: GPL-2.0
/* Safe twin of DV003: driver-owned state that remove() frees after stopping it. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct kbdx_scan {
	u8 rows, cols;
	u16 keymap[64];
};

struct kbdx {
	struct kbdx_scan *scan;
	int irq;
};

static void kbdx_scan_stop(struct kbdx *kbd)
{
	kbd->scan->rows = 0;
}

static int kbdx_probe(struct platform_device *pdev)
{
	struct kbdx *kbd;

	kbd = devm_kzalloc(&pdev->dev, sizeof(*kbd), GFP_KERNEL);
	if (!kbd)
		return -ENOMEM;

	kbd->scan = kzalloc(sizeof(*kbd->scan), GFP_KERNEL);
	if (!kbd->scan)
		return -ENOMEM;

	kbd->irq = platform_get_irq(pdev, 0);
	platform_set_drvdata(pdev, kbd);
	return 0;
}

static int kbdx_remove(struct platform_device *pdev)
{
	struct kbdx *kbd = platform_get_drvdata(pdev);

	kbdx_scan_stop(kbd);
	kfree(kbd->scan);
	return 0;
}

static struct platform_driver kbdx_driver = {
	.probe = kbdx_probe,
	.remove = kbdx_remove,
	.driver = {
		.name = "kbdx",
	},
};
module_platform_driver(kbdx_driver);

MODULE_LICENSE("GPL");
