// SPDX-License-Identifier: GPL-2.0
/* gpio_request() of a legacy number from platform data becomes devm_gpio_request(). */
#include <linux/gpio.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct rstx_pdata {
	unsigned int reset_gpio;
};

struct rstx_priv {
	unsigned int reset_gpio;
	int irq;
};

static int rstx_probe(struct platform_device *pdev)
{
	struct rstx_pdata *pdata = dev_get_platdata(&pdev->dev);
	struct rstx_priv *priv;
	int ret;

	if (!pdata)
		return -EINVAL;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->reset_gpio = pdata->reset_gpio;
	ret = gpio_request(priv->reset_gpio, "rstx-reset");
	if (ret) {
		dev_err(&pdev->dev, "reset gpio %u busy\n", priv->reset_gpio);
		goto err_free;
	}
	gpio_set_value(priv->reset_gpio, 1);

	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0) {
		ret = priv->irq;
		goto err_gpio;
	}

	platform_set_drvdata(pdev, priv);
	return 0;

err_gpio:
	gpio_free(priv->reset_gpio);
err_free:
	kfree(priv);
	return ret;
}

static int rstx_remove(struct platform_device *pdev)
{
	struct rstx_priv *priv = platform_get_drvdata(pdev);

	gpio_set_value(priv->reset_gpio, 0);
	gpio_free(priv->reset_gpio);
	kfree(priv);
	return 0;
}

static struct platform_driver rstx_driver = {
	.probe = rstx_probe,
	.remove = rstx_remove,
	.driver = {
		.name = "rstx",
	},
};
module_platform_driver(rstx_driver);

MODULE_LICENSE("GPL");
