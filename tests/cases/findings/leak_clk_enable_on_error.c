// SPDX-License-Identifier: GPL-2.0
/* Finding (error-path-leak): the clock is enabled, then a failing platform_get_irq()
 * returns without disabling it (the bug smatch's check_unwind finds).  devmify converts
 * devm_clk_get() + clk_prepare_enable() into devm_clk_get_enabled(): the finding is in
 * the report and the conversion's note says the patch fixes it. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/clk.h>
#include <linux/io.h>

struct lkc {
	void __iomem *base;
	struct clk *clk;
	int irq;
};

static int lkc_probe(struct platform_device *pdev)
{
	struct lkc *lk;
	int ret;

	lk = devm_kzalloc(&pdev->dev, sizeof(*lk), GFP_KERNEL);
	if (!lk)
		return -ENOMEM;

	lk->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(lk->base))
		return PTR_ERR(lk->base);

	lk->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(lk->clk))
		return PTR_ERR(lk->clk);

	ret = clk_prepare_enable(lk->clk);
	if (ret)
		return ret;

	lk->irq = platform_get_irq(pdev, 0);
	if (lk->irq < 0)
		return lk->irq;

	writel(1, lk->base);
	platform_set_drvdata(pdev, lk);
	return 0;
}

static int lkc_remove(struct platform_device *pdev)
{
	struct lkc *lk = platform_get_drvdata(pdev);

	writel(0, lk->base);
	clk_disable_unprepare(lk->clk);
	return 0;
}

static struct platform_driver lkc_driver = {
	.probe = lkc_probe,
	.remove = lkc_remove,
	.driver = { .name = "lkc" },
};
module_platform_driver(lkc_driver);
MODULE_LICENSE("GPL");
