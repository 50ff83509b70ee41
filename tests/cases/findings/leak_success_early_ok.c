// SPDX-License-Identifier: GPL-2.0
/* No finding: probe returns 0 early when the optional wake-up line is absent, with the
 * IRQ still requested.  That is a success, not an error exit: remove() frees the IRQ, so
 * neither an error-path leak nor a remove() leak.  (The IRQ converts; the note says
 * nothing about a fixed bug, as there was none.) */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/of.h>

struct sek {
	int irq;
	int wake_irq;
	u32 count;
};

static irqreturn_t sek_isr(int irq, void *dev_id)
{
	struct sek *s = dev_id;

	s->count++;
	return IRQ_HANDLED;
}

static int sek_probe(struct platform_device *pdev)
{
	struct sek *s;
	int ret;

	s = devm_kzalloc(&pdev->dev, sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;

	s->irq = platform_get_irq(pdev, 0);
	if (s->irq < 0)
		return s->irq;

	ret = request_irq(s->irq, sek_isr, 0, "sek", s);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, s);

	if (!of_property_read_bool(pdev->dev.of_node, "wakeup-source"))
		return 0;

	s->wake_irq = platform_get_irq(pdev, 1);
	if (s->wake_irq < 0) {
		ret = s->wake_irq;
		goto err_irq;
	}
	return 0;

err_irq:
	free_irq(s->irq, s);
	return ret;
}

static int sek_remove(struct platform_device *pdev)
{
	struct sek *s = platform_get_drvdata(pdev);

	free_irq(s->irq, s);
	return 0;
}

static struct platform_driver sek_driver = {
	.probe = sek_probe,
	.remove = sek_remove,
	.driver = { .name = "sek" },
};
module_platform_driver(sek_driver);
MODULE_LICENSE("GPL");
