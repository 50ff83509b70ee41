// SPDX-License-Identifier: GPL-2.0
/* Nearest case that is no finding: a devm_input_allocate_device() device may be
 * unregistered by hand with input_unregister_device() (the input core allows it and drops
 * its own devres unregistration), so nothing is reported. */
#include <linux/input.h>
#include <linux/module.h>
#include <linux/platform_device.h>

struct keyx {
	struct input_dev *input;
};

static int keyx_probe(struct platform_device *pdev)
{
	struct keyx *k;
	int ret;

	k = devm_kzalloc(&pdev->dev, sizeof(*k), GFP_KERNEL);
	if (!k)
		return -ENOMEM;

	k->input = devm_input_allocate_device(&pdev->dev);
	if (!k->input)
		return -ENOMEM;

	ret = input_register_device(k->input);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, k);
	return 0;
}

static int keyx_remove(struct platform_device *pdev)
{
	struct keyx *k = platform_get_drvdata(pdev);

	input_unregister_device(k->input);
	return 0;
}

static struct platform_driver keyx_driver = {
	.probe = keyx_probe,
	.remove = keyx_remove,
	.driver = {
		.name = "keyx",
	},
};
module_platform_driver(keyx_driver);

MODULE_LICENSE("GPL");
