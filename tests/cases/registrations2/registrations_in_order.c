// SPDX-License-Identifier: GPL-2.0
/* Two registrations on the device's own node: the clock provider first, then the child
 * devices that consume its clocks.  remove() releases them in reverse order
 * (of_platform_depopulate() before of_clk_del_provider()), which is the order devres
 * releases them in too, so both convert: devm_of_clk_add_hw_provider() and
 * devm_of_platform_populate().  The gate under the provider becomes
 * devm_clk_hw_register() and the private data devm_kzalloc(); the error ladder and
 * remove() go. */
#include <linux/clk-provider.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define CCU_GATE	0x10
#define CCU_GATE_EN	BIT(0)

struct ccu_priv {
	void __iomem *base;
	struct clk_hw gate;
};

static int ccu_gate_enable(struct clk_hw *hw)
{
	struct ccu_priv *priv = container_of(hw, struct ccu_priv, gate);

	writel(CCU_GATE_EN, priv->base + CCU_GATE);
	return 0;
}

static const struct clk_ops ccu_gate_ops = {
	.enable = ccu_gate_enable,
};

static int ccu_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct clk_init_data init = { };
	struct ccu_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base)) {
		ret = PTR_ERR(priv->base);
		goto err_free;
	}

	init.name = "ccu_bus";
	init.ops = &ccu_gate_ops;
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

static int ccu_remove(struct platform_device *pdev)
{
	struct ccu_priv *priv = platform_get_drvdata(pdev);

	of_platform_depopulate(&pdev->dev);
	of_clk_del_provider(pdev->dev.of_node);
	clk_hw_unregister(&priv->gate);
	kfree(priv);
	return 0;
}

static const struct of_device_id ccu_of_match[] = {
	{ .compatible = "vendor,ccu" },
	{ }
};
MODULE_DEVICE_TABLE(of, ccu_of_match);

static struct platform_driver ccu_driver = {
	.probe = ccu_probe,
	.remove = ccu_remove,
	.driver = {
		.name = "ccu",
		.of_match_table = ccu_of_match,
	},
};
module_platform_driver(ccu_driver);

MODULE_LICENSE("GPL");
