// SPDX-License-Identifier: GPL-2.0
/* The clock's rate is set between its lookup and its enable; devm_clk_get_enabled() would
 * enable it before the rate is set, so the two do not merge: clk_get() becomes devm_clk_get(),
 * clk_set_rate() stays where it is, and clk_disable_unprepare() moves into a devm action
 * registered right after clk_prepare_enable()'s check. */
#include <linux/clk.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct pwmx_priv {
	struct clk *clk;
	unsigned long rate;
};

static int pwmx_probe(struct platform_device *pdev)
{
	struct pwmx_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->clk = clk_get(&pdev->dev, "pwm");
	if (IS_ERR(priv->clk)) {
		ret = PTR_ERR(priv->clk);
		goto err_free;
	}

	ret = clk_set_rate(priv->clk, 1000000);
	if (ret)
		goto err_put;

	ret = clk_prepare_enable(priv->clk);
	if (ret)
		goto err_put;

	priv->rate = clk_get_rate(priv->clk);
	if (!priv->rate) {
		dev_err(&pdev->dev, "clock not running\n");
		ret = -EINVAL;
		goto err_disable;
	}

	platform_set_drvdata(pdev, priv);
	return 0;

err_disable:
	clk_disable_unprepare(priv->clk);
err_put:
	clk_put(priv->clk);
err_free:
	kfree(priv);
	return ret;
}

static int pwmx_remove(struct platform_device *pdev)
{
	struct pwmx_priv *priv = platform_get_drvdata(pdev);

	clk_disable_unprepare(priv->clk);
	clk_put(priv->clk);
	kfree(priv);
	return 0;
}

static struct platform_driver pwmx_driver = {
	.probe = pwmx_probe,
	.remove = pwmx_remove,
	.driver = {
		.name = "pwmx",
	},
};
module_platform_driver(pwmx_driver);

MODULE_LICENSE("GPL");
