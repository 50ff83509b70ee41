// SPDX-License-Identifier: GPL-2.0
/* Refusal: an IRQ requested only to wait for the chip while probing, freed before probe
 * returns: not a device-lifetime resource. */
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct detx {
	int irq;
	int seen;
};

static irqreturn_t detx_isr(int irq, void *data)
{
	struct detx *dx = data;

	dx->seen = 1;
	return IRQ_HANDLED;
}

static int detx_probe(struct platform_device *pdev)
{
	struct detx *dx;
	int ret;

	dx = devm_kzalloc(&pdev->dev, sizeof(*dx), GFP_KERNEL);
	if (!dx)
		return -ENOMEM;

	dx->irq = platform_get_irq(pdev, 0);
	if (dx->irq < 0)
		return dx->irq;
	ret = request_irq(dx->irq, detx_isr, 0, "detx", dx);
	if (ret)
		return ret;
	free_irq(dx->irq, dx);
	if (!dx->seen)
		return -ENODEV;

	platform_set_drvdata(pdev, dx);
	return 0;
}

static struct platform_driver detx_driver = {
	.probe = detx_probe,
	.driver = {
		.name = "detx",
	},
};
module_platform_driver(detx_driver);

MODULE_LICENSE("GPL");
