// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV019): remove() switches the block off after gpiochip_remove(); with
 * devm_gpiochip_add_data() consumers could still read lines while it is off. */
#include <linux/gpio/driver.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>

struct gpiox {
	struct gpio_chip gc;
	void __iomem *base;
};

static int gpiox_get(struct gpio_chip *gc, unsigned int offset)
{
	struct gpiox *gx = gpiochip_get_data(gc);

	return !!(readl(gx->base) & (1u << offset));
}

static int gpiox_probe(struct platform_device *pdev)
{
	struct gpiox *gx;
	int ret;

	gx = devm_kzalloc(&pdev->dev, sizeof(*gx), GFP_KERNEL);
	if (!gx)
		return -ENOMEM;

	gx->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(gx->base))
		return PTR_ERR(gx->base);

	gx->gc.label = "gpiox";
	gx->gc.ngpio = 8;
	gx->gc.get = gpiox_get;
	ret = gpiochip_add_data(&gx->gc, gx);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, gx);
	return 0;
}

static int gpiox_remove(struct platform_device *pdev)
{
	struct gpiox *gx = platform_get_drvdata(pdev);

	gpiochip_remove(&gx->gc);
	writel(0, gx->base + 4);
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
