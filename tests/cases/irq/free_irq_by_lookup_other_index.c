// SPDX-License-Identifier: GPL-2.0
/* Refused twin: remove() frees platform_get_irq(pdev, 1), another line than the one
 * probe requested (index 0): nothing releases the requested IRQ, the request stays
 * (DV003) and the path checker reports it held after probe (remove-leak). */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>

struct lki {
	unsigned long count;
};

static irqreturn_t lki_isr(int irq, void *dev_id)
{
	struct lki *r = dev_id;

	r->count++;
	return IRQ_HANDLED;
}

static int lki_probe(struct platform_device *pdev)
{
	struct lki *r;
	int irq, ret;

	r = devm_kzalloc(&pdev->dev, sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;

	ret = request_irq(irq, lki_isr, 0, "lki", r);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, r);
	return 0;
}

static int lki_remove(struct platform_device *pdev)
{
	struct lki *r = platform_get_drvdata(pdev);

	free_irq(platform_get_irq(pdev, 1), r);
	return 0;
}

static struct platform_driver lki_driver = {
	.probe = lki_probe,
	.remove = lki_remove,
	.driver = { .name = "lki" },
};
module_platform_driver(lki_driver);
MODULE_LICENSE("GPL");
