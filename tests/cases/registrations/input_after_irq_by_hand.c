// SPDX-License-Identifier: GPL-2.0
/* Nearest safe case for DV019: remove() frees the IRQ (kept by hand) before
 * input_unregister_device(), so devm_input_allocate_device() keeps the same order; the
 * probe error path frees an input device never registered, which ends no callbacks. */
#include <linux/input.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define BTNH_STATUS	0x04

struct btnh_priv {
	struct input_dev *input;
	void __iomem *base;
	int irq;
};

static irqreturn_t btnh_isr(int irq, void *dev_id)
{
	struct btnh_priv *priv = dev_id;

	if (priv->input) {
		input_report_key(priv->input, KEY_POWER, readl(priv->base + BTNH_STATUS) & 1);
		input_sync(priv->input);
	}
	return IRQ_HANDLED;
}

static int btnh_probe(struct platform_device *pdev)
{
	struct btnh_priv *priv;
	struct resource *res;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0) {
		ret = priv->irq;
		goto err_free_priv;
	}
	ret = request_irq(priv->irq, btnh_isr, 0, "btnh", priv);
	if (ret)
		goto err_free_priv;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res) {
		ret = -ENODEV;
		goto err_free_irq;
	}
	priv->base = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!priv->base) {
		ret = -ENOMEM;
		goto err_free_irq;
	}

	priv->input = input_allocate_device();
	if (!priv->input) {
		ret = -ENOMEM;
		goto err_free_irq;
	}
	priv->input->name = "btnh";
	input_set_capability(priv->input, EV_KEY, KEY_POWER);

	ret = input_register_device(priv->input);
	if (ret)
		goto err_free_input;

	platform_set_drvdata(pdev, priv);
	return 0;

err_free_input:
	input_free_device(priv->input);
err_free_irq:
	free_irq(priv->irq, priv);
err_free_priv:
	kfree(priv);
	return ret;
}

static int btnh_remove(struct platform_device *pdev)
{
	struct btnh_priv *priv = platform_get_drvdata(pdev);

	free_irq(priv->irq, priv);
	input_unregister_device(priv->input);
	kfree(priv);
	return 0;
}

static struct platform_driver btnh_driver = {
	.probe = btnh_probe,
	.remove = btnh_remove,
	.driver = {
		.name = "btnh",
	},
};
module_platform_driver(btnh_driver);

MODULE_LICENSE("GPL");
