// SPDX-License-Identifier: GPL-2.0
/* `p = NULL;` right after the deleted kfree(p) in remove() goes with it. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct audx {
	s32 *coeffs;
	int irq;
};

static int audx_probe(struct platform_device *pdev)
{
	struct audx *ad;

	ad = devm_kzalloc(&pdev->dev, sizeof(*ad), GFP_KERNEL);
	if (!ad)
		return -ENOMEM;

	ad->coeffs = kmalloc_array(32, sizeof(*ad->coeffs), GFP_KERNEL);
	if (!ad->coeffs)
		return -ENOMEM;

	ad->irq = platform_get_irq(pdev, 0);
	platform_set_drvdata(pdev, ad);
	return 0;
}

static int audx_remove(struct platform_device *pdev)
{
	struct audx *ad = platform_get_drvdata(pdev);

	dev_info(&pdev->dev, "irq %d\n", ad->irq);
	kfree(ad->coeffs);
	ad->coeffs = NULL;
	return 0;
}

static struct platform_driver audx_driver = {
	.probe = audx_probe,
	.remove = audx_remove,
	.driver = {
		.name = "audx",
	},
};
module_platform_driver(audx_driver);

MODULE_LICENSE("GPL");
