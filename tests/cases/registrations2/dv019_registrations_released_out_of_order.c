// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV019) of the clock provider: probe() registers it before populating the
 * child devices that consume its clocks, but remove() deletes it first and depopulates
 * after, in the order they were acquired.  devres would release them in reverse order, so
 * converting the provider would move of_clk_del_provider() after the depopulate that
 * remove() runs after it today: the provider stays by hand.  The populate is the last
 * thing acquired and nothing is torn down by hand after its depopulate, so it converts;
 * the gate and the private data convert too, released after remove(). */
#include <linux/clk-provider.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define CCR_GATE	0x10
#define CCR_GATE_EN	BIT(0)

struct ccr_priv {
	void __iomem *base;
	struct clk_hw gate;
};

static int ccr_gate_enable(struct clk_hw *hw)
{
	struct ccr_priv *priv = container_of(hw, struct ccr_priv, gate);

	writel(CCR_GATE_EN, priv->base + CCR_GATE);
	return 0;
}

static const struct clk_ops ccr_gate_ops = {
	.enable = ccr_gate_enable,
};

static int ccr_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct clk_init_data init = { };
	struct ccr_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base)) {
		ret = PTR_ERR(priv->base);
		goto err_free;
	}

	init.name = "ccr_bus";
	init.ops = &ccr_gate_ops;
	priv->gate.init = &init;
	ret = clk_hw_register(dev, &priv->gate);
	if (ret)
		goto err_free;

	ret = of_clk_add_hw_provider(dev->of_node, of_clk_hw_simple_get, &priv->gate);
	if (ret)
		goto err_unregister;

	ret = of_platform_populate(dev->of_node, NULL, NULL, dev);
	if (ret) {
		dev_err(dev, "cannot populate children: %d\n", ret);
		goto err_del_provider;
	}

	platform_set_drvdata(pdev, priv);
	return 0;

err_del_provider:
	of_clk_del_provider(dev->of_node);
err_unregister:
	clk_hw_unregister(&priv->gate);
err_free:
	kfree(priv);
	return ret;
}

static int ccr_remove(struct platform_device *pdev)
{
	struct ccr_priv *priv = platform_get_drvdata(pdev);

	of_clk_del_provider(pdev->dev.of_node);
	of_platform_depopulate(&pdev->dev);
	clk_hw_unregister(&priv->gate);
	kfree(priv);
	return 0;
}

static const struct of_device_id ccr_of_match[] = {
	{ .compatible = "vendor,ccr" },
	{ }
};
MODULE_DEVICE_TABLE(of, ccr_of_match);

static struct platform_driver ccr_driver = {
	.probe = ccr_probe,
	.remove = ccr_remove,
	.driver = {
		.name = "ccr",
		.of_match_table = ccr_of_match,
	},
};
module_platform_driver(ccr_driver);

MODULE_LICENSE("GPL");
