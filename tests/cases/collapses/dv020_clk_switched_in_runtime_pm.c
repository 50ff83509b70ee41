// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV020): runtime suspend/resume also switch the clock with clk_disable()/clk_enable(),
 * so devm_clk_get_enabled() would hold a count the driver does not own: clk_prepare_enable()
 * stays by hand; clk_get() alone still becomes devm_clk_get(). */
#include <linux/clk.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>

struct adcr_priv {
	struct clk *clk;
	unsigned long rate;
};

static int adcr_probe(struct platform_device *pdev)
{
	struct adcr_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->clk = clk_get(&pdev->dev, "adc");
	if (IS_ERR(priv->clk)) {
		ret = PTR_ERR(priv->clk);
		goto err_free;
	}

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

static int adcr_remove(struct platform_device *pdev)
{
	struct adcr_priv *priv = platform_get_drvdata(pdev);

	clk_disable_unprepare(priv->clk);
	clk_put(priv->clk);
	kfree(priv);
	return 0;
}

static int __maybe_unused adcr_runtime_suspend(struct device *dev)
{
	struct adcr_priv *priv = dev_get_drvdata(dev);

	clk_disable(priv->clk);
	return 0;
}

static int __maybe_unused adcr_runtime_resume(struct device *dev)
{
	struct adcr_priv *priv = dev_get_drvdata(dev);

	return clk_enable(priv->clk);
}

static const struct dev_pm_ops adcr_pm_ops = {
	SET_RUNTIME_PM_OPS(adcr_runtime_suspend, adcr_runtime_resume, NULL)
};

static struct platform_driver adcr_driver = {
	.probe = adcr_probe,
	.remove = adcr_remove,
	.driver = {
		.name = "adcr",
		.pm = &adcr_pm_ops,
	},
};
module_platform_driver(adcr_driver);

MODULE_LICENSE("GPL");
