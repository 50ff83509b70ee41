// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV019): remove() drives the LED driver chip's enable GPIO low after
 * led_classdev_unregister().  With devm_led_classdev_register() the LED would stay
 * registered until devres runs after remove(), and a trigger or a sysfs write could call
 * brightness_set() on a chip whose power is already off, so the registration stays by
 * hand.  The private data and the GPIO still convert: remove() keeps the unregister and
 * the power-down, and devres releases both after it. */
#include <linux/gpio/consumer.h>
#include <linux/leds.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct ledg_priv {
	struct gpio_desc *enable;
	struct gpio_desc *led;
	struct led_classdev cdev;
};

static void ledg_brightness_set(struct led_classdev *cdev, enum led_brightness brightness)
{
	struct ledg_priv *priv = container_of(cdev, struct ledg_priv, cdev);

	gpiod_set_value(priv->led, brightness != LED_OFF);
}

static int ledg_probe(struct platform_device *pdev)
{
	struct ledg_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->enable = gpiod_get(&pdev->dev, "enable", GPIOD_OUT_HIGH);
	if (IS_ERR(priv->enable)) {
		ret = PTR_ERR(priv->enable);
		goto err_free;
	}

	priv->led = gpiod_get(&pdev->dev, "led", GPIOD_OUT_LOW);
	if (IS_ERR(priv->led)) {
		ret = PTR_ERR(priv->led);
		goto err_put_enable;
	}

	priv->cdev.name = "ledg:amber:fault";
	priv->cdev.max_brightness = 1;
	priv->cdev.brightness_set = ledg_brightness_set;

	ret = led_classdev_register(&pdev->dev, &priv->cdev);
	if (ret)
		goto err_put_led;

	platform_set_drvdata(pdev, priv);
	return 0;

err_put_led:
	gpiod_put(priv->led);
err_put_enable:
	gpiod_set_value(priv->enable, 0);
	gpiod_put(priv->enable);
err_free:
	kfree(priv);
	return ret;
}

static int ledg_remove(struct platform_device *pdev)
{
	struct ledg_priv *priv = platform_get_drvdata(pdev);

	led_classdev_unregister(&priv->cdev);
	gpiod_set_value(priv->enable, 0);	/* power the LED driver chip down */
	gpiod_put(priv->led);
	gpiod_put(priv->enable);
	kfree(priv);
	return 0;
}

static const struct of_device_id ledg_of_match[] = {
	{ .compatible = "vendor,ledg" },
	{ }
};
MODULE_DEVICE_TABLE(of, ledg_of_match);

static struct platform_driver ledg_driver = {
	.probe = ledg_probe,
	.remove = ledg_remove,
	.driver = {
		.name = "ledg",
		.of_match_table = ledg_of_match,
	},
};
module_platform_driver(ledg_driver);

MODULE_LICENSE("GPL");
