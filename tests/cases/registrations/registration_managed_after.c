// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV019): the registers the poll callback reads are mapped with devres after
 * input_register_device(); devres would unmap them before unregistering the input
 * device, while it can still be polled.  The private data still converts. */
#include <linux/input.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define BTNP_STATUS	0x04

struct btnp_priv {
	struct input_dev *input;
	void __iomem *base;
};

static void btnp_poll(struct input_dev *input)
{
	struct btnp_priv *priv = input_get_drvdata(input);

	input_report_key(input, KEY_POWER, readl(priv->base + BTNP_STATUS) & 1);
	input_sync(input);
}

static int btnp_probe(struct platform_device *pdev)
{
	struct btnp_priv *priv;
	struct resource *res;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->input = input_allocate_device();
	if (!priv->input) {
		ret = -ENOMEM;
		goto err_free_priv;
	}
	priv->input->name = "btnp";
	input_set_capability(priv->input, EV_KEY, KEY_POWER);
	input_set_drvdata(priv->input, priv);

	ret = input_setup_polling(priv->input, btnp_poll);
	if (ret)
		goto err_free_input;
	input_set_poll_interval(priv->input, 50);

	ret = input_register_device(priv->input);
	if (ret)
		goto err_free_input;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res) {
		ret = -ENODEV;
		goto err_unregister;
	}
	priv->base = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!priv->base) {
		ret = -ENOMEM;
		goto err_unregister;
	}

	platform_set_drvdata(pdev, priv);
	return 0;

err_unregister:
	input_unregister_device(priv->input);
	goto err_free_priv;
err_free_input:
	input_free_device(priv->input);
err_free_priv:
	kfree(priv);
	return ret;
}

static int btnp_remove(struct platform_device *pdev)
{
	struct btnp_priv *priv = platform_get_drvdata(pdev);

	input_unregister_device(priv->input);
	kfree(priv);
	return 0;
}

static struct platform_driver btnp_driver = {
	.probe = btnp_probe,
	.remove = btnp_remove,
	.driver = {
		.name = "btnp",
	},
};
module_platform_driver(btnp_driver);

MODULE_LICENSE("GPL");
