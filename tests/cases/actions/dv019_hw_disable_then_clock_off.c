// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV019): the driver's own pair lcdx_hw_enable()/lcdx_hw_disable() (err_disable
 * on the ladder, and remove()) could become a devm action, but remove() still gates the
 * clock by hand after lcdx_hw_disable() (the clock is switched in runtime PM too, so it
 * stays by hand: DV020).  As an action the disable would write the registers after the
 * clock is off.  Nearest safe case: hw_disable_helper. */
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>

#define LCDX_CTRL	0x00
#define LCDX_CTRL_EN	0x01

struct lcdx {
	void __iomem *base;
	struct clk *clk;
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

	lcd->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(lcd->clk))
		return PTR_ERR(lcd->clk);
	ret = clk_prepare_enable(lcd->clk);
	if (ret)
		return ret;

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
	clk_disable_unprepare(lcd->clk);
	return ret;
}

static int lcdx_remove(struct platform_device *pdev)
{
	struct lcdx *lcd = platform_get_drvdata(pdev);

	lcdx_hw_disable(lcd);
	clk_disable_unprepare(lcd->clk);
	return 0;
}

static int lcdx_runtime_suspend(struct device *dev)
{
	struct lcdx *lcd = dev_get_drvdata(dev);

	clk_disable(lcd->clk);
	return 0;
}

static int lcdx_runtime_resume(struct device *dev)
{
	struct lcdx *lcd = dev_get_drvdata(dev);

	return clk_enable(lcd->clk);
}

static const struct dev_pm_ops lcdx_pm_ops = {
	SET_RUNTIME_PM_OPS(lcdx_runtime_suspend, lcdx_runtime_resume, NULL)
};

static struct platform_driver lcdx_driver = {
	.probe = lcdx_probe,
	.remove = lcdx_remove,
	.driver = {
		.name = "lcdx",
		.pm = &lcdx_pm_ops,
	},
};
module_platform_driver(lcdx_driver);

MODULE_LICENSE("GPL");
