// SPDX-License-Identifier: GPL-2.0
/* Nearest safe case: request_irq() has a managed form; the IRQ and its data convert
 * together, and the handler's data is allocated before the IRQ. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct knob {
	void *pmic;
	int presses;
};

static int knob_irq(int irq, void *data)
{
	struct knob *kb = data;

	kb->presses += irq;
	return 0;
}

static int knob_probe(struct platform_device *pdev)
{
	struct knob *kb;
	int ret;

	kb = kzalloc(sizeof(*kb), GFP_KERNEL);
	if (!kb)
		return -ENOMEM;

	kb->pmic = pdev->dev.parent;
	ret = request_irq(3, knob_irq, 0, "knob", kb);
	if (ret) {
		kfree(kb);
		return ret;
	}
	platform_set_drvdata(pdev, kb);
	return 0;
}

static int knob_remove(struct platform_device *pdev)
{
	struct knob *kb = platform_get_drvdata(pdev);

	free_irq(3, kb);
	kfree(kb);
	return 0;
}

static struct platform_driver knob_driver = {
	.probe = knob_probe,
	.remove = knob_remove,
	.driver = {
		.name = "knob",
	},
};
module_platform_driver(knob_driver);

MODULE_LICENSE("GPL");
