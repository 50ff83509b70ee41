// SPDX-License-Identifier: GPL-2.0
/* of_platform_populate(np, NULL, NULL, &pdev->dev) with np the device's own node, no
 * match table, no lookup data and the bound device as parent becomes
 * devm_of_platform_populate(&pdev->dev).  The children use the parent's registers and
 * clock; both are acquired before them and released in remove() after
 * of_platform_depopulate(), and both convert, so devres removes the children first and
 * only then gates the clock and frees the private data.  The error ladder and remove()
 * go. */
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define SYSX_ID		0x00
#define SYSX_RESET	0x04

struct sysx_priv {
	void __iomem *base;
	struct clk *clk;
	u32 id;
};

static int sysx_probe(struct platform_device *pdev)
{
	struct device_node *np = pdev->dev.of_node;
	struct sysx_priv *priv;
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

	writel(0, priv->base + SYSX_RESET);	/* take the sub-blocks out of reset */
	priv->id = readl(priv->base + SYSX_ID);
	platform_set_drvdata(pdev, priv);

	ret = of_platform_populate(np, NULL, NULL, &pdev->dev);
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

static int sysx_remove(struct platform_device *pdev)
{
	struct sysx_priv *priv = platform_get_drvdata(pdev);

	of_platform_depopulate(&pdev->dev);
	clk_disable_unprepare(priv->clk);
	clk_put(priv->clk);
	kfree(priv);
	return 0;
}

static const struct of_device_id sysx_of_match[] = {
	{ .compatible = "vendor,sysx" },
	{ }
};
MODULE_DEVICE_TABLE(of, sysx_of_match);

static struct platform_driver sysx_driver = {
	.probe = sysx_probe,
	.remove = sysx_remove,
	.driver = {
		.name = "sysx",
		.of_match_table = sysx_of_match,
	},
};
module_platform_driver(sysx_driver);

MODULE_LICENSE("GPL");
