// SPDX-License-Identifier: GPL-2.0
/* DV014: the helper that allocates is also called from resume, outside probe. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct camx {
	u8 *regs_cache;
};

static int camx_alloc_cache(struct device *dev, struct camx *cam)
{
	cam->regs_cache = kzalloc(512, GFP_KERNEL);
	if (!cam->regs_cache)
		return -ENOMEM;
	dev_info(dev, "register cache ready\n");
	return 0;
}

static int camx_resume(struct device *dev)
{
	struct camx *cam = dev_get_drvdata(dev);

	kfree(cam->regs_cache);
	return camx_alloc_cache(dev, cam);
}

static const struct dev_pm_ops camx_pm_ops = {
	.resume = camx_resume,
};

static int camx_probe(struct platform_device *pdev)
{
	struct camx *cam;
	int ret;

	cam = devm_kzalloc(&pdev->dev, sizeof(*cam), GFP_KERNEL);
	if (!cam)
		return -ENOMEM;

	ret = camx_alloc_cache(&pdev->dev, cam);
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
		.pm = &camx_pm_ops,
	},
};
module_platform_driver(camx_driver);

MODULE_LICENSE("GPL");
