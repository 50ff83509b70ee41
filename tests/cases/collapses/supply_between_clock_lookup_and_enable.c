// SPDX-License-Identifier: GPL-2.0
/* The supply is switched on between the clock's lookup and its enable. priv->vdd is used for
 * nothing else, so regulator_get() + regulator_enable() become devm_regulator_get_enable() in
 * the enable's place. The clock does not merge into devm_clk_get_enabled(), which would enable
 * it before its supply: clk_get() becomes devm_clk_get() and clk_disable_unprepare() moves
 * into a devm action after clk_prepare_enable(), so devres stops the clock before the supply. */
#include <linux/clk.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/regulator/consumer.h>
#include <linux/slab.h>

struct snsv_priv {
	struct regulator *vdd;
	struct clk *clk;
	unsigned long rate;
};

static int snsv_probe(struct platform_device *pdev)
{
	struct snsv_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->vdd = regulator_get(&pdev->dev, "vdd");
	if (IS_ERR(priv->vdd)) {
		ret = PTR_ERR(priv->vdd);
		goto err_free;
	}

	priv->clk = clk_get(&pdev->dev, "core");
	if (IS_ERR(priv->clk)) {
		ret = PTR_ERR(priv->clk);
		goto err_put_vdd;
	}

	ret = regulator_enable(priv->vdd);
	if (ret)
		goto err_put_clk;

	ret = clk_prepare_enable(priv->clk);
	if (ret)
		goto err_disable_vdd;

	priv->rate = clk_get_rate(priv->clk);
	if (!priv->rate) {
		dev_err(&pdev->dev, "clock not running\n");
		ret = -EINVAL;
		goto err_disable_clk;
	}

	platform_set_drvdata(pdev, priv);
	return 0;

err_disable_clk:
	clk_disable_unprepare(priv->clk);
err_disable_vdd:
	regulator_disable(priv->vdd);
err_put_clk:
	clk_put(priv->clk);
err_put_vdd:
	regulator_put(priv->vdd);
err_free:
	kfree(priv);
	return ret;
}

static int snsv_remove(struct platform_device *pdev)
{
	struct snsv_priv *priv = platform_get_drvdata(pdev);

	clk_disable_unprepare(priv->clk);
	regulator_disable(priv->vdd);
	clk_put(priv->clk);
	regulator_put(priv->vdd);
	kfree(priv);
	return 0;
}

static struct platform_driver snsv_driver = {
	.probe = snsv_probe,
	.remove = snsv_remove,
	.driver = {
		.name = "snsv",
	},
};
module_platform_driver(snsv_driver);

MODULE_LICENSE("GPL");
