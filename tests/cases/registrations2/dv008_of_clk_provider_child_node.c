// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV008): the clock provider is registered on the "clock-controller" child node,
 * not on the device's own node.  devm_of_clk_add_hw_provider() takes the device and
 * always registers on dev->of_node, so converting would move the provider to the parent
 * node and consumers pointing at the child would no longer find it: the provider stays
 * by hand, with its of_clk_del_provider() and the of_node_put() of the child in remove().
 * The gate and the private data still convert; devres releases them after remove() has
 * deleted the provider. */
#include <linux/clk-provider.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define CKC_GATE	0x20
#define CKC_GATE_EN	BIT(4)

struct ckc_priv {
	void __iomem *base;
	struct device_node *clk_np;
	struct clk_hw hw;
};

static int ckc_enable(struct clk_hw *hw)
{
	struct ckc_priv *priv = container_of(hw, struct ckc_priv, hw);

	writel(CKC_GATE_EN, priv->base + CKC_GATE);
	return 0;
}

static const struct clk_ops ckc_ops = {
	.enable = ckc_enable,
};

static int ckc_probe(struct platform_device *pdev)
{
	struct clk_init_data init = { };
	struct ckc_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base)) {
		ret = PTR_ERR(priv->base);
		goto err_free;
	}

	init.name = "ckc_bus";
	init.ops = &ckc_ops;
	priv->hw.init = &init;

	ret = clk_hw_register(&pdev->dev, &priv->hw);
	if (ret)
		goto err_free;

	priv->clk_np = of_get_child_by_name(pdev->dev.of_node, "clock-controller");
	if (!priv->clk_np) {
		ret = -ENODEV;
		goto err_unregister;
	}

	ret = of_clk_add_hw_provider(priv->clk_np, of_clk_hw_simple_get, &priv->hw);
	if (ret)
		goto err_put_node;

	platform_set_drvdata(pdev, priv);
	return 0;

err_put_node:
	of_node_put(priv->clk_np);
err_unregister:
	clk_hw_unregister(&priv->hw);
err_free:
	kfree(priv);
	return ret;
}

static int ckc_remove(struct platform_device *pdev)
{
	struct ckc_priv *priv = platform_get_drvdata(pdev);

	of_clk_del_provider(priv->clk_np);
	of_node_put(priv->clk_np);
	clk_hw_unregister(&priv->hw);
	kfree(priv);
	return 0;
}

static const struct of_device_id ckc_of_match[] = {
	{ .compatible = "vendor,ckc" },
	{ }
};
MODULE_DEVICE_TABLE(of, ckc_of_match);

static struct platform_driver ckc_driver = {
	.probe = ckc_probe,
	.remove = ckc_remove,
	.driver = {
		.name = "ckc",
		.of_match_table = ckc_of_match,
	},
};
module_platform_driver(ckc_driver);

MODULE_LICENSE("GPL");
