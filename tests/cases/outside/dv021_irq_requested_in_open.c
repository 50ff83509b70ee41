// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV021): the IRQ is requested when the device is opened and freed when it is
 * closed.  devm_request_irq() there would request it again on every open and free none
 * until unbind (the second open fails with -EBUSY).  The memory probe allocates still
 * converts: its lifetime is the binding's. */
#include <linux/interrupt.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct btnx {
	int irq;
};

static int btnx_irq;

static irqreturn_t btnx_isr(int irq, void *dev_id)
{
	return IRQ_HANDLED;
}

static int btnx_open(struct inode *inode, struct file *file)
{
	return request_irq(btnx_irq, btnx_isr, 0, "btnx", NULL);
}

static int btnx_release(struct inode *inode, struct file *file)
{
	free_irq(btnx_irq, NULL);
	return 0;
}

static const struct file_operations btnx_fops = {
	.open = btnx_open,
	.release = btnx_release,
};

static int btnx_probe(struct platform_device *pdev)
{
	struct btnx *bx;
	int ret;

	bx = kzalloc(sizeof(*bx), GFP_KERNEL);
	if (!bx)
		return -ENOMEM;

	bx->irq = platform_get_irq(pdev, 0);
	if (bx->irq < 0) {
		ret = bx->irq;
		goto err_free;
	}

	btnx_irq = bx->irq;
	platform_set_drvdata(pdev, bx);
	return 0;

err_free:
	kfree(bx);
	return ret;
}

static int btnx_remove(struct platform_device *pdev)
{
	struct btnx *bx = platform_get_drvdata(pdev);

	kfree(bx);
	return 0;
}

static struct platform_driver btnx_driver = {
	.probe = btnx_probe,
	.remove = btnx_remove,
	.driver = {
		.name = "btnx",
	},
};
module_platform_driver(btnx_driver);

MODULE_LICENSE("GPL");
