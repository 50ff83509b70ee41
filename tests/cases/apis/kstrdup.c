// SPDX-License-Identifier: GPL-2.0
/* kstrdup() -> devm_kstrdup() for a label copied from platform data. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct beepx_pdata {
	const char *label;
};

struct beepx {
	char *label;
	int irq;
};

static int beepx_probe(struct platform_device *pdev)
{
	struct beepx_pdata *pdata = dev_get_platdata(&pdev->dev);
	struct beepx *bp;

	bp = devm_kzalloc(&pdev->dev, sizeof(*bp), GFP_KERNEL);
	if (!bp)
		return -ENOMEM;

	bp->label = kstrdup(pdata && pdata->label ? pdata->label : "beeper",
			    GFP_KERNEL);
	if (!bp->label)
		return -ENOMEM;

	bp->irq = platform_get_irq(pdev, 0);
	platform_set_drvdata(pdev, bp);
	return 0;
}

static int beepx_remove(struct platform_device *pdev)
{
	struct beepx *bp = platform_get_drvdata(pdev);

	dev_info(&pdev->dev, "%s: removed\n", bp->label);
	kfree(bp->label);
	return 0;
}

static struct platform_driver beepx_driver = {
	.probe = beepx_probe,
	.remove = beepx_remove,
	.driver = {
		.name = "beepx",
	},
};
module_platform_driver(beepx_driver);

MODULE_LICENSE("GPL");
