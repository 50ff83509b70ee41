// SPDX-License-Identifier: GPL-2.0
/* A hardware-disable helper of the driver's own: probe's error ladder undoes
 * lcdx_hw_enable() with lcdx_hw_disable() (err_disable), and remove() calls it too.  With
 * no managed form, the disable moves into `static void lcdx_hw_disable_action(void *data)`
 * registered with devm_add_action_or_reset() right after the enable; its exit is the next
 * check's (the IRQ lookup's goto, which becomes a return), with the status in ret.  The
 * registers it writes are mapped with devres before it, so devres unmaps them only after. */
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>

#define LCDX_CTRL	0x00
#define LCDX_CTRL_EN	0x01

struct lcdx {
	void __iomem *base;
	int irq;
};

static void lcdx_hw_enable(struct lcdx *lcd)
{
	writel(LCDX_CTRL_EN, lcd->base + LCDX_CTRL);
}

static void lcdx_hw_disable(struct lcdx *lcd)
{
	writel(0, lcd->base + LCDX_CTRL);
}

static int lcdx_check_panel(struct lcdx *lcd)
{
	return readl(lcd->base + LCDX_CTRL) & LCDX_CTRL_EN ? 0 : -ENODEV;
}

static int lcdx_probe(struct platform_device *pdev)
{
	struct lcdx *lcd;
	int ret;

	lcd = devm_kzalloc(&pdev->dev, sizeof(*lcd), GFP_KERNEL);
	if (!lcd)
		return -ENOMEM;

	lcd->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(lcd->base))
		return PTR_ERR(lcd->base);

	lcdx_hw_enable(lcd);

	lcd->irq = platform_get_irq(pdev, 0);
	if (lcd->irq < 0) {
		ret = lcd->irq;
		goto err_disable;
	}

	ret = lcdx_check_panel(lcd);
	if (ret)
		goto err_disable;

	platform_set_drvdata(pdev, lcd);
	return 0;

err_disable:
	lcdx_hw_disable(lcd);
	return ret;
}

static int lcdx_remove(struct platform_device *pdev)
{
	struct lcdx *lcd = platform_get_drvdata(pdev);

	lcdx_hw_disable(lcd);
	return 0;
}

static struct platform_driver lcdx_driver = {
	.probe = lcdx_probe,
	.remove = lcdx_remove,
	.driver = {
		.name = "lcdx",
	},
};
module_platform_driver(lcdx_driver);

MODULE_LICENSE("GPL");
