// SPDX-License-Identifier: GPL-2.0
/* clk_hw_register() already takes the device: it becomes devm_clk_hw_register() with the
 * same arguments, and clk_hw_unregister() goes with remove(). */
#include <linux/clk-provider.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>

struct gatex {
	struct clk_hw hw;
	void __iomem *reg;
};

static int gatex_enable(struct clk_hw *hw)
{
	struct gatex *g = container_of(hw, struct gatex, hw);

	writel(1, g->reg);
	return 0;
}

static const struct clk_ops gatex_ops = {
	.enable = gatex_enable,
};

static int gatex_probe(struct platform_device *pdev)
{
	struct gatex *g;
	int ret;

	g = devm_kzalloc(&pdev->dev, sizeof(*g), GFP_KERNEL);
	if (!g)
		return -ENOMEM;

	g->reg = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(g->reg))
		return PTR_ERR(g->reg);

	g->hw.init = NULL;
	ret = clk_hw_register(&pdev->dev, &g->hw);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, g);
	return 0;
}

static int gatex_remove(struct platform_device *pdev)
{
	struct gatex *g = platform_get_drvdata(pdev);

	clk_hw_unregister(&g->hw);
	return 0;
}

static struct platform_driver gatex_driver = {
	.probe = gatex_probe,
	.remove = gatex_remove,
	.driver = {
		.name = "gatex",
	},
};
module_platform_driver(gatex_driver);

MODULE_LICENSE("GPL");
