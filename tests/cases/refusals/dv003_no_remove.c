// SPDX-License-Identifier: GPL-2.0
/* DV003: a driver with no remove() never frees its allocation; ownership is unproven. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct clkx {
	u32 rate;
	int irq;
};

static int clkx_probe(struct platform_device *pdev)
{
	struct clkx *ck;

	ck = kzalloc(sizeof(*ck), GFP_KERNEL);
	if (!ck)
		return -ENOMEM;

	ck->rate = 32768;
	ck->irq = platform_get_irq(pdev, 0);
	platform_set_drvdata(pdev, ck);
	return 0;
}

static struct platform_driver clkx_driver = {
	.probe = clkx_probe,
	.driver = {
		.name = "clkx",
	},
};
module_platform_driver(clkx_driver);

MODULE_LICENSE("GPL");
