// SPDX-License-Identifier: GPL-2.0
/* Refusal: the handler defers to a work item and remove() cancels it after free_irq();
 * with devm_request_irq() the handler could queue the work again after the cancel, and
 * it would then run on freed data (DV019).  The IRQ number is a probe local copied into
 * the private data after the request. */
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct hpdx {
	struct work_struct work;
	struct device *dev;
	int irq;
};

static void hpdx_work(struct work_struct *work)
{
	struct hpdx *hp = container_of(work, struct hpdx, work);

	dev_info(hp->dev, "hotplug\n");
}

static irqreturn_t hpdx_isr(int irq, void *data)
{
	struct hpdx *hp = data;

	schedule_work(&hp->work);
	return IRQ_HANDLED;
}

static int hpdx_probe(struct platform_device *pdev)
{
	struct hpdx *hp;
	int irq, ret;

	hp = devm_kzalloc(&pdev->dev, sizeof(*hp), GFP_KERNEL);
	if (!hp)
		return -ENOMEM;
	hp->dev = &pdev->dev;
	INIT_WORK(&hp->work, hpdx_work);

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = request_irq(irq, hpdx_isr, 0, "hpdx", hp);
	if (ret)
		return ret;
	hp->irq = irq;

	platform_set_drvdata(pdev, hp);
	return 0;
}

static int hpdx_remove(struct platform_device *pdev)
{
	struct hpdx *hp = platform_get_drvdata(pdev);

	free_irq(hp->irq, hp);
	cancel_work_sync(&hp->work);
	return 0;
}

static struct platform_driver hpdx_driver = {
	.probe = hpdx_probe,
	.remove = hpdx_remove,
	.driver = {
		.name = "hpdx",
	},
};
module_platform_driver(hpdx_driver);

MODULE_LICENSE("GPL");
