// SPDX-License-Identifier: GPL-2.0
/* devmify-options: --apis memory
 * The iomem class is switched off: the mapping is already managed, but
 * platform_get_resource() + devm_ioremap_resource() is not merged into
 * devm_platform_ioremap_resource() either.  The memory still converts. */
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct gauge {
	void *regs;
	unsigned int scale;
};

static int gauge_probe(struct platform_device *pdev)
{
	struct gauge *gg;
	struct resource *res;
	int ret;

	gg = kzalloc(sizeof(*gg), GFP_KERNEL);
	if (!gg)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	gg->regs = devm_ioremap_resource(&pdev->dev, res);
	if (IS_ERR(gg->regs)) {
		ret = PTR_ERR(gg->regs);
		kfree(gg);
		return ret;
	}
	gg->scale = readl(gg->regs);

	platform_set_drvdata(pdev, gg);
	return 0;
}

static int gauge_remove(struct platform_device *pdev)
{
	struct gauge *gg = platform_get_drvdata(pdev);

	kfree(gg);
	return 0;
}

static struct platform_driver gauge_driver = {
	.probe = gauge_probe,
	.remove = gauge_remove,
	.driver = {
		.name = "gauge",
	},
};
module_platform_driver(gauge_driver);

MODULE_LICENSE("GPL");
