// SPDX-License-Identifier: GPL-2.0
/* Nearest safe case: request_any_context_irq() (nested or hard IRQ, as the parent chip
 * needs) returns a positive IRQC_IS_* on success; the managed form keeps that, so the
 * "ret < 0" check stays while the IRQ, its data and remove() convert. */
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct lidsw {
	struct device *dev;
	int irq;
	int closed;
};

static irqreturn_t lidsw_irq(int irq, void *data)
{
	struct lidsw *lid = data;

	lid->closed = !lid->closed;
	dev_info(lid->dev, "lid %s\n", lid->closed ? "closed" : "open");
	return IRQ_HANDLED;
}

static int lidsw_probe(struct platform_device *pdev)
{
	struct lidsw *lid;
	int ret;

	lid = kzalloc(sizeof(*lid), GFP_KERNEL);
	if (!lid)
		return -ENOMEM;
	lid->dev = &pdev->dev;

	lid->irq = platform_get_irq(pdev, 0);
	if (lid->irq < 0) {
		ret = lid->irq;
		goto err_free;
	}

	ret = request_any_context_irq(lid->irq, lidsw_irq, 0, "lid-switch", lid);
	if (ret < 0) {
		dev_err(&pdev->dev, "failed to request irq: %d\n", ret);
		goto err_free;
	}

	platform_set_drvdata(pdev, lid);
	return 0;

err_free:
	kfree(lid);
	return ret;
}

static int lidsw_remove(struct platform_device *pdev)
{
	struct lidsw *lid = platform_get_drvdata(pdev);

	free_irq(lid->irq, lid);
	kfree(lid);
	return 0;
}

static struct platform_driver lidsw_driver = {
	.probe = lidsw_probe,
	.remove = lidsw_remove,
	.driver = {
		.name = "lid-switch",
	},
};
module_platform_driver(lidsw_driver);

MODULE_LICENSE("GPL");
