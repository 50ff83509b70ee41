// SPDX-License-Identifier: GPL-2.0
/* DV011: an ioctl grows the buffer with krealloc(), so the pointer changes after probe. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct capx {
	u8 *buf;
	size_t len;
	const struct file_operations *fops;
};

static long capx_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct capx *cap = file->private_data;
	u8 *nbuf;

	nbuf = krealloc(cap->buf, arg, GFP_KERNEL);
	if (!nbuf)
		return -ENOMEM;
	cap->buf = nbuf;
	cap->len = arg;
	return cmd;
}

static const struct file_operations capx_fops = {
	.unlocked_ioctl = capx_ioctl,
};

static int capx_probe(struct platform_device *pdev)
{
	struct capx *cap;

	cap = devm_kzalloc(&pdev->dev, sizeof(*cap), GFP_KERNEL);
	if (!cap)
		return -ENOMEM;

	cap->len = 512;
	cap->buf = kmalloc(cap->len, GFP_KERNEL);
	if (!cap->buf)
		return -ENOMEM;

	cap->fops = &capx_fops;
	platform_set_drvdata(pdev, cap);
	return 0;
}

static int capx_remove(struct platform_device *pdev)
{
	struct capx *cap = platform_get_drvdata(pdev);

	kfree(cap->buf);
	return 0;
}

static struct platform_driver capx_driver = {
	.probe = capx_probe,
	.remove = capx_remove,
	.driver = {
		.name = "capx",
	},
};
module_platform_driver(capx_driver);

MODULE_LICENSE("GPL");
