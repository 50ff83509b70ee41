// SPDX-License-Identifier: GPL-2.0
/* devmify-options: --apis memory
 * The irq class is switched off: request_irq() is refused (DV023) and free_irq() stays
 * in remove().  The state the handler reads still becomes devm memory: devres frees it
 * after remove() returns, so after free_irq(), and the handler never sees it freed. */
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct doorsense {
	int irq;
	unsigned int opened;
};

static irqreturn_t doorsense_isr(int irq, void *data)
{
	struct doorsense *ds = data;

	ds->opened++;
	return IRQ_HANDLED;
}

static int doorsense_probe(struct platform_device *pdev)
{
	struct doorsense *ds;
	int ret;

	ds = kzalloc(sizeof(*ds), GFP_KERNEL);
	if (!ds)
		return -ENOMEM;

	ret = platform_get_irq(pdev, 0);
	if (ret < 0)
		goto err_free;
	ds->irq = ret;

	ret = request_irq(ds->irq, doorsense_isr, 0, "doorsense", ds);
	if (ret)
		goto err_free;

	platform_set_drvdata(pdev, ds);
	return 0;

err_free:
	kfree(ds);
	return ret;
}

static int doorsense_remove(struct platform_device *pdev)
{
	struct doorsense *ds = platform_get_drvdata(pdev);

	free_irq(ds->irq, ds);
	kfree(ds);
	return 0;
}

static struct platform_driver doorsense_driver = {
	.probe = doorsense_probe,
	.remove = doorsense_remove,
	.driver = {
		.name = "doorsense",
	},
};
module_platform_driver(doorsense_driver);

MODULE_LICENSE("GPL");
