// SPDX-License-Identifier: GPL-2.0
/* A local allocated in probe, stored into priv->chip, and freed via that field. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct gpiox_chip {
	unsigned int ngpio;
	u32 dir;
};

struct gpiox {
	struct gpiox_chip *chip;
	int irq;
};

static int gpiox_probe(struct platform_device *pdev)
{
	struct gpiox_chip *chip;
	struct gpiox *gx;

	gx = devm_kzalloc(&pdev->dev, sizeof(*gx), GFP_KERNEL);
	if (!gx)
		return -ENOMEM;

	chip = kzalloc(sizeof(*chip), GFP_KERNEL);
	if (!chip)
		return -ENOMEM;

	chip->ngpio = 16;
	gx->chip = chip;
	gx->irq = platform_get_irq(pdev, 0);
	platform_set_drvdata(pdev, gx);
	return 0;
}

static int gpiox_remove(struct platform_device *pdev)
{
	struct gpiox *gx = platform_get_drvdata(pdev);

	kfree(gx->chip);
	return 0;
}

static struct platform_driver gpiox_driver = {
	.probe = gpiox_probe,
	.remove = gpiox_remove,
	.driver = {
		.name = "gpiox",
	},
};
module_platform_driver(gpiox_driver);

MODULE_LICENSE("GPL");
