// SPDX-License-Identifier: GPL-2.0
/* Finding (remove-leak): probe requests the IRQ and remove() never frees it: after an
 * unbind the handler stays installed over freed driver data.  devmify reports it and
 * leaves the call alone (DV003): what nothing releases may be owned elsewhere, and the
 * fix, devm_request_irq() or a free_irq() in remove(), is the maintainer's choice. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>

struct rli {
	int irq;
	unsigned long events;
};

static irqreturn_t rli_isr(int irq, void *dev_id)
{
	struct rli *r = dev_id;

	r->events++;
	return IRQ_HANDLED;
}

static int rli_probe(struct platform_device *pdev)
{
	struct rli *r;
	int ret;

	r = devm_kzalloc(&pdev->dev, sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;

	r->irq = platform_get_irq(pdev, 0);
	if (r->irq < 0)
		return r->irq;

	ret = request_irq(r->irq, rli_isr, 0, "rli", r);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, r);
	return 0;
}

static int rli_remove(struct platform_device *pdev)
{
	struct rli *r = platform_get_drvdata(pdev);

	dev_info(&pdev->dev, "%lu events\n", r->events);
	return 0;
}

static struct platform_driver rli_driver = {
	.probe = rli_probe,
	.remove = rli_remove,
	.driver = { .name = "rli" },
};
module_platform_driver(rli_driver);
MODULE_LICENSE("GPL");
