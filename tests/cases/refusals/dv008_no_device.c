// SPDX-License-Identifier: GPL-2.0
/* DV008: a helper that allocates has no struct device in scope to attach devm to. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct vidx {
	u32 *palette;
	int irq;
};

static int vidx_init_palette(struct vidx *vx)
{
	vx->palette = kcalloc(256, sizeof(*vx->palette), GFP_KERNEL);
	if (!vx->palette)
		return -ENOMEM;
	return 0;
}

static int vidx_probe(struct platform_device *pdev)
{
	struct vidx *vx;
	int ret;

	vx = devm_kzalloc(&pdev->dev, sizeof(*vx), GFP_KERNEL);
	if (!vx)
		return -ENOMEM;

	ret = vidx_init_palette(vx);
	if (ret)
		return ret;

	vx->irq = platform_get_irq(pdev, 0);
	platform_set_drvdata(pdev, vx);
	return 0;
}

static int vidx_remove(struct platform_device *pdev)
{
	struct vidx *vx = platform_get_drvdata(pdev);

	kfree(vx->palette);
	return 0;
}

static struct platform_driver vidx_driver = {
	.probe = vidx_probe,
	.remove = vidx_remove,
	.driver = {
		.name = "vidx",
	},
};
module_platform_driver(vidx_driver);

MODULE_LICENSE("GPL");
