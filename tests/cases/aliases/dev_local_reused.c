// SPDX-License-Identifier: GPL-2.0
/* An existing `struct device *dev = &pdev->dev;` local is the devm device argument. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct pwmx {
	struct device *dev;
	u32 *duty;
	unsigned int npwm;
};

static int pwmx_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct pwmx *pc;

	pc = kzalloc(sizeof(*pc), GFP_KERNEL);
	if (!pc)
		return -ENOMEM;

	pc->dev = dev;
	pc->npwm = 4;
	pc->duty = kcalloc(pc->npwm, sizeof(*pc->duty), GFP_KERNEL);
	if (!pc->duty) {
		dev_err(dev, "no memory for duty table\n");
		kfree(pc);
		return -ENOMEM;
	}

	platform_set_drvdata(pdev, pc);
	return 0;
}

static int pwmx_remove(struct platform_device *pdev)
{
	struct pwmx *pc = platform_get_drvdata(pdev);

	kfree(pc->duty);
	kfree(pc);
	return 0;
}

static struct platform_driver pwmx_driver = {
	.probe = pwmx_probe,
	.remove = pwmx_remove,
	.driver = {
		.name = "pwmx",
	},
};
module_platform_driver(pwmx_driver);

MODULE_LICENSE("GPL");
