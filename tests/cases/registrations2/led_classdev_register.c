// SPDX-License-Identifier: GPL-2.0
/* led_classdev_register() is the last thing probe() does, and remove() tears down by
 * hand only what probe() acquired before it: the registration becomes
 * devm_led_classdev_register() with the same arguments.  The private data holding the
 * led_classdev becomes devm_kzalloc() (allocated first, so freed after devres has
 * unregistered the LED), the mapping devm_ioremap() and the clock devm_clk_get_enabled():
 * brightness_set() can run until the LED is unregistered, and all it uses is released
 * after that.  The error ladder and remove() go. */
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/leds.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define LEDX_CTRL	0x00
#define LEDX_DUTY	0x04
#define LEDX_CTRL_EN	BIT(0)

struct ledx_priv {
	void __iomem *base;
	struct clk *clk;
	struct led_classdev cdev;
};

static int ledx_brightness_set(struct led_classdev *cdev, enum led_brightness brightness)
{
	struct ledx_priv *priv = container_of(cdev, struct ledx_priv, cdev);

	writel(brightness, priv->base + LEDX_DUTY);
	writel(brightness ? LEDX_CTRL_EN : 0, priv->base + LEDX_CTRL);
	return 0;
}

static int ledx_probe(struct platform_device *pdev)
{
	struct ledx_priv *priv;
	struct resource *res;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res) {
		ret = -ENODEV;
		goto err_free;
	}
	priv->base = ioremap(res->start, resource_size(res));
	if (!priv->base) {
		ret = -ENOMEM;
		goto err_free;
	}

	priv->clk = clk_get(&pdev->dev, NULL);
	if (IS_ERR(priv->clk)) {
		ret = PTR_ERR(priv->clk);
		goto err_unmap;
	}
	ret = clk_prepare_enable(priv->clk);
	if (ret)
		goto err_put_clk;

	/* the boot loader may have left it on */
	writel(0, priv->base + LEDX_CTRL);

	priv->cdev.name = "ledx:green:status";
	priv->cdev.max_brightness = LED_FULL;
	priv->cdev.brightness_set_blocking = ledx_brightness_set;

	ret = led_classdev_register(&pdev->dev, &priv->cdev);
	if (ret) {
		dev_err(&pdev->dev, "cannot register LED: %d\n", ret);
		goto err_disable_clk;
	}

	platform_set_drvdata(pdev, priv);
	return 0;

err_disable_clk:
	clk_disable_unprepare(priv->clk);
err_put_clk:
	clk_put(priv->clk);
err_unmap:
	iounmap(priv->base);
err_free:
	kfree(priv);
	return ret;
}

static int ledx_remove(struct platform_device *pdev)
{
	struct ledx_priv *priv = platform_get_drvdata(pdev);

	led_classdev_unregister(&priv->cdev);
	clk_disable_unprepare(priv->clk);
	clk_put(priv->clk);
	iounmap(priv->base);
	kfree(priv);
	return 0;
}

static const struct of_device_id ledx_of_match[] = {
	{ .compatible = "vendor,ledx" },
	{ }
};
MODULE_DEVICE_TABLE(of, ledx_of_match);

static struct platform_driver ledx_driver = {
	.probe = ledx_probe,
	.remove = ledx_remove,
	.driver = {
		.name = "ledx",
		.of_match_table = ledx_of_match,
	},
};
module_platform_driver(ledx_driver);

MODULE_LICENSE("GPL");
