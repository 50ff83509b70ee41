// SPDX-License-Identifier: GPL-2.0
/* Nearest safe case: the IRQ is requested with the private data as cookie after the
 * data is allocated, and remove() frees nothing after free_irq() but that data:
 * both convert and remove() goes. */
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct tick_ctr {
	int irq;
	unsigned long ticks;
};

static irqreturn_t tick_ctr_isr(int irq, void *data)
{
	struct tick_ctr *tc = data;

	tc->ticks++;
	return IRQ_HANDLED;
}

static int tick_ctr_probe(struct platform_device *pdev)
{
	struct tick_ctr *tc;
	int ret;

	tc = kzalloc(sizeof(*tc), GFP_KERNEL);
	if (!tc)
		return -ENOMEM;

	tc->irq = platform_get_irq(pdev, 0);
	if (tc->irq < 0) {
		ret = tc->irq;
		goto err_free;
	}

	ret = request_irq(tc->irq, tick_ctr_isr, 0, "tick-ctr", tc);
	if (ret) {
		dev_err(&pdev->dev, "cannot request irq %d\n", tc->irq);
		goto err_free;
	}

	platform_set_drvdata(pdev, tc);
	return 0;

err_free:
	kfree(tc);
	return ret;
}

static int tick_ctr_remove(struct platform_device *pdev)
{
	struct tick_ctr *tc = platform_get_drvdata(pdev);

	free_irq(tc->irq, tc);
	kfree(tc);
	return 0;
}

static struct platform_driver tick_ctr_driver = {
	.probe = tick_ctr_probe,
	.remove = tick_ctr_remove,
	.driver = {
		.name = "tick-ctr",
	},
};
module_platform_driver(tick_ctr_driver);

MODULE_LICENSE("GPL");
