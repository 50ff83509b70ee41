// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV019): remove() stops the scanner after input_unregister_device(); with
 * devm_input_allocate_device() the input device would still be registered then. */
#include <linux/input.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define KSCN_CTRL		0x00
#define KSCN_CTRL_ENABLE	0x1

struct kscn_priv {
	struct input_dev *input;
	void __iomem *base;
};

static int kscn_probe(struct platform_device *pdev)
{
	struct kscn_priv *priv;
	struct resource *res;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res) {
		ret = -ENODEV;
		goto err_free_priv;
	}
	priv->base = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!priv->base) {
		ret = -ENOMEM;
		goto err_free_priv;
	}

	priv->input = input_allocate_device();
	if (!priv->input) {
		ret = -ENOMEM;
		goto err_free_priv;
	}
	priv->input->name = "kscn-keys";
	input_set_capability(priv->input, EV_KEY, KEY_POWER);

	ret = input_register_device(priv->input);
	if (ret)
		goto err_free_input;

	writel(KSCN_CTRL_ENABLE, priv->base + KSCN_CTRL);
	platform_set_drvdata(pdev, priv);
	return 0;

err_free_input:
	input_free_device(priv->input);
err_free_priv:
	kfree(priv);
	return ret;
}

static int kscn_remove(struct platform_device *pdev)
{
	struct kscn_priv *priv = platform_get_drvdata(pdev);

	input_unregister_device(priv->input);
	writel(0, priv->base + KSCN_CTRL);
	kfree(priv);
	return 0;
}

static struct platform_driver kscn_driver = {
	.probe = kscn_probe,
	.remove = kscn_remove,
	.driver = {
		.name = "kscn",
	},
};
module_platform_driver(kscn_driver);

MODULE_LICENSE("GPL");
