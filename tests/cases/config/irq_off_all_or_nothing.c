// SPDX-License-Identifier: GPL-2.0
/* devmify-options: --apis memory --policy all-or-nothing
 * The irq class is switched off and the policy is all-or-nothing: request_irq() stays by
 * hand (DV023), so nothing in the driver converts; the memory the handler reads, safe to
 * convert on its own (irq_off_memory_converts), is refused too (DV009). */
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct latchsense {
	int irq;
	unsigned int opened;
};

static irqreturn_t latchsense_isr(int irq, void *data)
{
	struct latchsense *ds = data;

	ds->opened++;
	return IRQ_HANDLED;
}

static int latchsense_probe(struct platform_device *pdev)
{
	struct latchsense *ds;
	int ret;

	ds = kzalloc(sizeof(*ds), GFP_KERNEL);
	if (!ds)
		return -ENOMEM;

	ret = platform_get_irq(pdev, 0);
	if (ret < 0)
		goto err_free;
	ds->irq = ret;

	ret = request_irq(ds->irq, latchsense_isr, 0, "latchsense", ds);
	if (ret)
		goto err_free;

	platform_set_drvdata(pdev, ds);
	return 0;

err_free:
	kfree(ds);
	return ret;
}

static int latchsense_remove(struct platform_device *pdev)
{
	struct latchsense *ds = platform_get_drvdata(pdev);

	free_irq(ds->irq, ds);
	kfree(ds);
	return 0;
}

static struct platform_driver latchsense_driver = {
	.probe = latchsense_probe,
	.remove = latchsense_remove,
	.driver = {
		.name = "latchsense",
	},
};
module_platform_driver(latchsense_driver);

MODULE_LICENSE("GPL");
