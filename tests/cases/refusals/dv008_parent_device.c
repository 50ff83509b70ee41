// SPDX-License-Identifier: GPL-2.0
/* DV008: the helper's struct device is the parent, not the device being bound. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct cellx {
	char *name;
	int irq;
};

static int cellx_init_name(struct device *dev, struct cellx *cell)
{
	cell->name = kasprintf(GFP_KERNEL, "%s-cell", dev_name(dev));
	if (!cell->name)
		return -ENOMEM;
	return 0;
}

static int cellx_probe(struct platform_device *pdev)
{
	struct cellx *cell;
	int ret;

	cell = devm_kzalloc(&pdev->dev, sizeof(*cell), GFP_KERNEL);
	if (!cell)
		return -ENOMEM;

	ret = cellx_init_name(pdev->dev.parent, cell);
	if (ret)
		return ret;

	cell->irq = platform_get_irq(pdev, 0);
	platform_set_drvdata(pdev, cell);
	return 0;
}

static int cellx_remove(struct platform_device *pdev)
{
	struct cellx *cell = platform_get_drvdata(pdev);

	kfree(cell->name);
	return 0;
}

static struct platform_driver cellx_driver = {
	.probe = cellx_probe,
	.remove = cellx_remove,
	.driver = {
		.name = "cellx",
	},
};
module_platform_driver(cellx_driver);

MODULE_LICENSE("GPL");
