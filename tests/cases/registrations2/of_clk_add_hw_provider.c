// SPDX-License-Identifier: GPL-2.0
/* of_clk_add_hw_provider() on the device's own node (np holds pdev->dev.of_node) becomes
 * devm_of_clk_add_hw_provider(&pdev->dev, get, data): the managed form takes the device
 * in place of the node and always registers on dev->of_node.  The gate it hands out is
 * registered with clk_hw_register() before it, which becomes devm_clk_hw_register(), and
 * the private data holding the clk_hw becomes devm_kzalloc(): devres deletes the provider
 * first, then unregisters the gate, then frees the memory, as remove() did
 * (of_clk_del_provider(pdev->dev.of_node) there is the same node as np). */
#include <linux/clk-provider.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define CKG_GATE	0x00
#define CKG_GATE_EN	BIT(0)

struct ckg_priv {
	void __iomem *base;
	struct clk_hw hw;
};

static int ckg_enable(struct clk_hw *hw)
{
	struct ckg_priv *priv = container_of(hw, struct ckg_priv, hw);

	writel(CKG_GATE_EN, priv->base + CKG_GATE);
	return 0;
}

static const struct clk_ops ckg_ops = {
	.enable = ckg_enable,
};

static const char *const ckg_parents[] = { "osc" };

static int ckg_probe(struct platform_device *pdev)
{
	struct device_node *np = pdev->dev.of_node;
	struct clk_init_data init = { };
	struct ckg_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base)) {
		ret = PTR_ERR(priv->base);
		goto err_free;
	}

	init.name = "ckg_gate";
	init.ops = &ckg_ops;
	init.parent_names = ckg_parents;
	init.num_parents = ARRAY_SIZE(ckg_parents);
	priv->hw.init = &init;

	ret = clk_hw_register(&pdev->dev, &priv->hw);
	if (ret) {
		dev_err(&pdev->dev, "cannot register gate: %d\n", ret);
		goto err_free;
	}

	ret = of_clk_add_hw_provider(np, of_clk_hw_simple_get, &priv->hw);
	if (ret) {
		dev_err(&pdev->dev, "cannot add clock provider: %d\n", ret);
		goto err_unregister;
	}

	platform_set_drvdata(pdev, priv);
	return 0;

err_unregister:
	clk_hw_unregister(&priv->hw);
err_free:
	kfree(priv);
	return ret;
}

static int ckg_remove(struct platform_device *pdev)
{
	struct ckg_priv *priv = platform_get_drvdata(pdev);

	of_clk_del_provider(pdev->dev.of_node);
	clk_hw_unregister(&priv->hw);
	kfree(priv);
	return 0;
}

static const struct of_device_id ckg_of_match[] = {
	{ .compatible = "vendor,ckg" },
	{ }
};
MODULE_DEVICE_TABLE(of, ckg_of_match);

static struct platform_driver ckg_driver = {
	.probe = ckg_probe,
	.remove = ckg_remove,
	.driver = {
		.name = "ckg",
		.of_match_table = ckg_of_match,
	},
};
module_platform_driver(ckg_driver);

MODULE_LICENSE("GPL");
