// SPDX-License-Identifier: GPL-2.0
/* An optional clock, enabled only when the lookup found one: devm_clk_get_enabled() would
 * fail probe without it, so the two do not merge. clk_get() becomes devm_clk_get() and
 * clk_disable_unprepare() moves into a devm action registered inside the same if, right
 * after the enable's check, so devres disables the clock only when it was enabled. */
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
	if (!IS_ERR(priv->clk)) {
		ret = clk_prepare_enable(priv->clk);
		if (ret)
			goto err_put;
	}

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
