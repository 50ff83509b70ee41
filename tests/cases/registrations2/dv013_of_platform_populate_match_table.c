// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV013): of_platform_populate() is given a match table, so that it also descends
 * into the "simple-bus" nodes under the device's own node.  devm_of_platform_populate(dev)
 * takes only the device and passes no match table (only the direct children are
 * created), so it would not create the same devices: the populate stays by hand with its
 * of_platform_depopulate() in remove().  The clock and the private data still convert;
 * devres releases them after remove() has depopulated the children. */
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define SYSM_ID		0x00
#define SYSM_RESET	0x04

static const struct of_device_id sysm_bus_match[] = {
	{ .compatible = "simple-bus" },
	{ }
};

struct sysm_priv {
	void __iomem *base;
	struct clk *clk;
	u32 id;
};

static int sysm_probe(struct platform_device *pdev)
{
	struct device_node *np = pdev->dev.of_node;
	struct sysm_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base)) {
		ret = PTR_ERR(priv->base);
		goto err_free;
	}

	priv->clk = clk_get(&pdev->dev, "bus");
	if (IS_ERR(priv->clk)) {
		ret = PTR_ERR(priv->clk);
		goto err_free;
	}
	ret = clk_prepare_enable(priv->clk);
	if (ret)
		goto err_put_clk;

	writel(0, priv->base + SYSM_RESET);	/* take the sub-blocks out of reset */
	priv->id = readl(priv->base + SYSM_ID);
	platform_set_drvdata(pdev, priv);

	ret = of_platform_populate(np, sysm_bus_match, NULL, &pdev->dev);
	if (ret) {
		dev_err(&pdev->dev, "cannot populate children: %d\n", ret);
		goto err_disable_clk;
	}

	dev_info(&pdev->dev, "revision %u\n", priv->id);
	return 0;

err_disable_clk:
	clk_disable_unprepare(priv->clk);
err_put_clk:
	clk_put(priv->clk);
err_free:
	kfree(priv);
	return ret;
}

static int sysm_remove(struct platform_device *pdev)
{
	struct sysm_priv *priv = platform_get_drvdata(pdev);

	of_platform_depopulate(&pdev->dev);
	clk_disable_unprepare(priv->clk);
	clk_put(priv->clk);
	kfree(priv);
	return 0;
}

static const struct of_device_id sysm_of_match[] = {
	{ .compatible = "vendor,sysm" },
	{ }
};
MODULE_DEVICE_TABLE(of, sysm_of_match);

static struct platform_driver sysm_driver = {
	.probe = sysm_probe,
	.remove = sysm_remove,
	.driver = {
		.name = "sysm",
		.of_match_table = sysm_of_match,
	},
};
module_platform_driver(sysm_driver);

MODULE_LICENSE("GPL");
