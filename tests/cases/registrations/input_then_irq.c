// SPDX-License-Identifier: GPL-2.0
/* The input device is registered before the IRQ is requested, and remove() frees the IRQ
 * first: devres releases in the same order, so input, IRQ and memory all convert. */
#include <linux/input.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define BTNI_STATUS	0x04

struct btni_priv {
	struct input_dev *input;
	void __iomem *base;
	int irq;
};

static irqreturn_t btni_isr(int irq, void *dev_id)
{
	struct btni_priv *priv = dev_id;

	input_report_key(priv->input, KEY_POWER, readl(priv->base + BTNI_STATUS) & 1);
	input_sync(priv->input);
	return IRQ_HANDLED;
}

static int btni_probe(struct platform_device *pdev)
{
	struct btni_priv *priv;
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
	priv->input->name = "btni";
	input_set_capability(priv->input, EV_KEY, KEY_POWER);

	ret = input_register_device(priv->input);
	if (ret)
		goto err_free_input;

	priv->irq = platform_get_irq(pdev, 0);
	ret = request_irq(priv->irq, btni_isr, 0, "btni", priv);
	if (ret)
		goto err_unregister;

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

static int btni_remove(struct platform_device *pdev)
{
	struct btni_priv *priv = platform_get_drvdata(pdev);

	free_irq(priv->irq, priv);
	input_unregister_device(priv->input);
	kfree(priv);
	return 0;
}

static struct platform_driver btni_driver = {
	.probe = btni_probe,
	.remove = btni_remove,
	.driver = {
		.name = "btni",
	},
};
module_platform_driver(btni_driver);

MODULE_LICENSE("GPL");
