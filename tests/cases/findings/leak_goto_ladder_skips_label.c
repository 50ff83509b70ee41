// SPDX-License-Identifier: GPL-2.0
/* Finding (error-path-leak): a goto ladder whose last failure jumps one label too far:
 * the IRQ requested before it stays installed when probe fails at the input
 * registration.  devmify converts all three to devm forms, which release on every
 * failing path: the IRQ's conversion notes that the patch fixes the leak. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/input.h>
#include <linux/slab.h>

struct gkb {
	struct input_dev *input;
	int irq;
};

static irqreturn_t gkb_isr(int irq, void *dev_id)
{
	struct gkb *kb = dev_id;

	input_report_key(kb->input, KEY_F1, 1);
	input_sync(kb->input);
	return IRQ_HANDLED;
}

static int gkb_probe(struct platform_device *pdev)
{
	struct gkb *kb;
	int err;

	kb = kzalloc(sizeof(*kb), GFP_KERNEL);
	if (!kb)
		return -ENOMEM;

	kb->input = input_allocate_device();
	if (!kb->input) {
		err = -ENOMEM;
		goto err_free_kb;
	}

	kb->irq = platform_get_irq(pdev, 0);
	if (kb->irq < 0) {
		err = kb->irq;
		goto err_free_input;
	}

	err = request_irq(kb->irq, gkb_isr, 0, "gkb", kb);
	if (err)
		goto err_free_input;

	err = input_register_device(kb->input);
	if (err)
		goto err_free_input;

	platform_set_drvdata(pdev, kb);
	return 0;

err_free_irq:
	free_irq(kb->irq, kb);
err_free_input:
	input_free_device(kb->input);
err_free_kb:
	kfree(kb);
	return err;
}

static int gkb_remove(struct platform_device *pdev)
{
	struct gkb *kb = platform_get_drvdata(pdev);

	free_irq(kb->irq, kb);
	input_unregister_device(kb->input);
	kfree(kb);
	return 0;
}

static struct platform_driver gkb_driver = {
	.probe = gkb_probe,
	.remove = gkb_remove,
	.driver = { .name = "gkb" },
};
module_platform_driver(gkb_driver);
MODULE_LICENSE("GPL");
