// SPDX-License-Identifier: GPL-2.0
/* Safe twin of DV014: the allocating helper is reached only from probe, two calls deep. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct camx {
	u8 *regs_cache;
	int irq;
};

static int camx_alloc_cache(struct device *dev, struct camx *cam)
{
	cam->regs_cache = kzalloc(512, GFP_KERNEL);
	if (!cam->regs_cache)
		return -ENOMEM;
	dev_info(dev, "register cache ready\n");
	return 0;
}

static int camx_hw_init(struct device *dev, struct camx *cam)
{
	if (cam->irq < 0)
		return cam->irq;
	return camx_alloc_cache(dev, cam);
}

static int camx_probe(struct platform_device *pdev)
{
	struct camx *cam;
	int ret;

	cam = devm_kzalloc(&pdev->dev, sizeof(*cam), GFP_KERNEL);
	if (!cam)
		return -ENOMEM;

	cam->irq = platform_get_irq(pdev, 0);
	ret = camx_hw_init(&pdev->dev, cam);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, cam);
	return 0;
}

static int camx_remove(struct platform_device *pdev)
{
	struct camx *cam = platform_get_drvdata(pdev);

	kfree(cam->regs_cache);
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
