// SPDX-License-Identifier: GPL-2.0
/* Finding (double-release): dfi_hw_init() requests the IRQ and frees it itself when the
 * ring setup fails, and probe's ladder then frees it a second time (a 6.1 staging
 * driver has this shape).  The second free_irq() WARNs "Trying to free already-free
 * IRQ".  The IRQ stays unmanaged: the helper that requests it has no device (DV008). */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>

struct dfi {
	int irq;
	int rings;
};

static irqreturn_t dfi_isr(int irq, void *dev_id)
{
	return IRQ_HANDLED;
}

static int dfi_setup_rings(struct dfi *d)
{
	return d->rings ? 0 : -ENOMEM;
}

static int dfi_hw_init(struct dfi *d)
{
	if (request_irq(d->irq, dfi_isr, IRQF_SHARED, "dfi", d))
		return -EBUSY;

	if (dfi_setup_rings(d)) {
		free_irq(d->irq, d);
		return -ENOMEM;
	}
	return 0;
}

static int dfi_probe(struct platform_device *pdev)
{
	struct dfi *d;
	int ret;

	d = devm_kzalloc(&pdev->dev, sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	d->irq = platform_get_irq(pdev, 0);
	if (d->irq < 0)
		return d->irq;

	ret = dfi_hw_init(d);
	if (ret)
		goto err_irq;

	platform_set_drvdata(pdev, d);
	return 0;

err_irq:
	free_irq(d->irq, d);
	return ret;
}

static int dfi_remove(struct platform_device *pdev)
{
	struct dfi *d = platform_get_drvdata(pdev);

	free_irq(d->irq, d);
	return 0;
}

static struct platform_driver dfi_driver = {
	.probe = dfi_probe,
	.remove = dfi_remove,
	.driver = { .name = "dfi" },
};
module_platform_driver(dfi_driver);
MODULE_LICENSE("GPL");
