// SPDX-License-Identifier: GPL-2.0
/* gpiod_get() becomes devm_gpiod_get(); gpiod_put() goes from the ladder and remove(). */
#include <linux/gpio/consumer.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct ledx_priv {
	struct gpio_desc *enable;
	int irq;
};

static int ledx_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct ledx_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->enable = gpiod_get(dev, "enable", GPIOD_OUT_LOW);
	if (IS_ERR(priv->enable)) {
		ret = dev_err_probe(dev, PTR_ERR(priv->enable), "no enable gpio\n");
		goto err_free;
	}

	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0) {
		ret = priv->irq;
		goto err_put;
	}

	gpiod_set_value(priv->enable, 1);
	platform_set_drvdata(pdev, priv);
	return 0;

err_put:
	gpiod_put(priv->enable);
err_free:
	kfree(priv);
	return ret;
}

static int ledx_remove(struct platform_device *pdev)
{
	struct ledx_priv *priv = platform_get_drvdata(pdev);

	gpiod_set_value(priv->enable, 0);
	gpiod_put(priv->enable);
	kfree(priv);
	return 0;
}

static struct platform_driver ledx_driver = {
	.probe = ledx_probe,
	.remove = ledx_remove,
	.driver = {
		.name = "ledx",
	},
};
module_platform_driver(ledx_driver);

MODULE_LICENSE("GPL");
