// SPDX-License-Identifier: GPL-2.0
/* Refusal: the ring the handler fills is allocated after request_irq(); once it is
 * devm_kzalloc()ed, devres would free it before a managed IRQ (DV019).  The ring and
 * the private data convert, and free_irq() stays in remove() and on the error exit. */
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define KBDX_RING	64

struct kbdx {
	u8 *ring;
	unsigned int head;
	int irq;
};

static irqreturn_t kbdx_isr(int irq, void *data)
{
	struct kbdx *kb = data;

	kb->ring[kb->head++ % KBDX_RING] = (u8)irq;
	return IRQ_HANDLED;
}

static int kbdx_probe(struct platform_device *pdev)
{
	struct kbdx *kb;
	int ret;

	kb = kzalloc(sizeof(*kb), GFP_KERNEL);
	if (!kb)
		return -ENOMEM;

	kb->irq = platform_get_irq(pdev, 0);
	if (kb->irq < 0) {
		ret = kb->irq;
		goto err_free;
	}
	ret = request_irq(kb->irq, kbdx_isr, 0, "kbdx", kb);
	if (ret)
		goto err_free;

	kb->ring = kzalloc(KBDX_RING, GFP_KERNEL);
	if (!kb->ring) {
		ret = -ENOMEM;
		goto err_irq;
	}

	platform_set_drvdata(pdev, kb);
	return 0;

err_irq:
	free_irq(kb->irq, kb);
err_free:
	kfree(kb);
	return ret;
}

static int kbdx_remove(struct platform_device *pdev)
{
	struct kbdx *kb = platform_get_drvdata(pdev);

	free_irq(kb->irq, kb);
	kfree(kb->ring);
	kfree(kb);
	return 0;
}

static struct platform_driver kbdx_driver = {
	.probe = kbdx_probe,
	.remove = kbdx_remove,
	.driver = {
		.name = "kbdx",
	},
};
module_platform_driver(kbdx_driver);

MODULE_LICENSE("GPL");
