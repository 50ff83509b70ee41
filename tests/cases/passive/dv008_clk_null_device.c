// SPDX-License-Identifier: GPL-2.0
/* Refusal: clk_get(NULL, ...) looks up a system clock, not one of the bound device. */
#include <linux/clk.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct uartx_priv {
	struct clk *clk;
	unsigned long uartclk;
};

static int uartx_probe(struct platform_device *pdev)
{
	struct uartx_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->clk = clk_get(NULL, "uart_ck");
	if (IS_ERR(priv->clk)) {
		ret = PTR_ERR(priv->clk);
		goto err_free;
	}

	ret = clk_prepare_enable(priv->clk);
	if (ret)
		goto err_put;
	priv->uartclk = clk_get_rate(priv->clk);

	platform_set_drvdata(pdev, priv);
	return 0;

err_put:
	clk_put(priv->clk);
err_free:
	kfree(priv);
	return ret;
}

static int uartx_remove(struct platform_device *pdev)
{
	struct uartx_priv *priv = platform_get_drvdata(pdev);

	clk_disable_unprepare(priv->clk);
	clk_put(priv->clk);
	kfree(priv);
	return 0;
}

static struct platform_driver uartx_driver = {
	.probe = uartx_probe,
	.remove = uartx_remove,
	.driver = {
		.name = "uartx",
	},
};
module_platform_driver(uartx_driver);

MODULE_LICENSE("GPL");
