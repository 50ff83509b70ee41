// SPDX-License-Identifier: GPL-2.0
/* A release helper called only from remove() empties, and goes with its call. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct camx {
	u8 *lut;
	u32 *stats;
	int irq;
};

static void camx_free_tables(struct camx *cam)
{
	kfree(cam->stats);
	kfree(cam->lut);
}

static int camx_probe(struct platform_device *pdev)
{
	struct camx *cam;

	cam = devm_kzalloc(&pdev->dev, sizeof(*cam), GFP_KERNEL);
	if (!cam)
		return -ENOMEM;

	cam->lut = kzalloc(256, GFP_KERNEL);
	if (!cam->lut)
		return -ENOMEM;

	cam->stats = kcalloc(16, sizeof(*cam->stats), GFP_KERNEL);
	if (!cam->stats) {
		kfree(cam->lut);
		return -ENOMEM;
	}

	cam->irq = platform_get_irq(pdev, 0);
	platform_set_drvdata(pdev, cam);
	return 0;
}

static int camx_remove(struct platform_device *pdev)
{
	struct camx *cam = platform_get_drvdata(pdev);

	pm_runtime_disable(&pdev->dev);
	camx_free_tables(cam);
	return 0;
}

static struct platform_driver camx_driver = {
	.probe = camx_probe,
	.remove = camx_remove,
	.driver = {
		.name = "camx",
	},
};
module_platform_driver(camx_driver);

MODULE_LICENSE("GPL");
