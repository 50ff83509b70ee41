// SPDX-License-Identifier: GPL-2.0
/* devmify-options: --apis irq
 * The memory class is switched off: kzalloc() is refused (DV023) and remove() still frees
 * the state after free_irq().  A devm IRQ would stay installed until remove() returns,
 * its handler running on that freed state: request_irq() is refused too (DV019). */
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct lidsense {
	int irq;
	unsigned int opened;
};

static irqreturn_t lidsense_isr(int irq, void *data)
{
	struct lidsense *ds = data;

	ds->opened++;
	return IRQ_HANDLED;
}

static int lidsense_probe(struct platform_device *pdev)
{
	struct lidsense *ds;
	int ret;

	ds = kzalloc(sizeof(*ds), GFP_KERNEL);
	if (!ds)
		return -ENOMEM;

	ret = platform_get_irq(pdev, 0);
	if (ret < 0)
		goto err_free;
	ds->irq = ret;

	ret = request_irq(ds->irq, lidsense_isr, 0, "lidsense", ds);
	if (ret)
		goto err_free;

	platform_set_drvdata(pdev, ds);
	return 0;

err_free:
	kfree(ds);
	return ret;
}

static int lidsense_remove(struct platform_device *pdev)
{
	struct lidsense *ds = platform_get_drvdata(pdev);

	free_irq(ds->irq, ds);
	kfree(ds);
	return 0;
}

static struct platform_driver lidsense_driver = {
	.probe = lidsense_probe,
	.remove = lidsense_remove,
	.driver = {
		.name = "lidsense",
	},
};
module_platform_driver(lidsense_driver);

MODULE_LICENSE("GPL");
