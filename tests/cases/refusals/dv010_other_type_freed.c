// SPDX-License-Identifier: GPL-2.0
/* Safe twin of DV010: release frees a per-open client of another type, not the ring. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct logx_client {
	unsigned int pos;
};

struct logx {
	u8 *ring;
	const struct file_operations *fops;
};

static int logx_release(struct inode *inode, struct file *file)
{
	struct logx_client *cl = file->private_data;

	kfree(cl);
	return 0;
}

static const struct file_operations logx_fops = {
	.release = logx_release,
};

static int logx_probe(struct platform_device *pdev)
{
	struct logx *lg;

	lg = devm_kzalloc(&pdev->dev, sizeof(*lg), GFP_KERNEL);
	if (!lg)
		return -ENOMEM;

	lg->ring = kmalloc(256, GFP_KERNEL);
	if (!lg->ring)
		return -ENOMEM;

	lg->fops = &logx_fops;
	platform_set_drvdata(pdev, lg);
	return 0;
}

static int logx_remove(struct platform_device *pdev)
{
	struct logx *lg = platform_get_drvdata(pdev);

	kfree(lg->ring);
	return 0;
}

static struct platform_driver logx_driver = {
	.probe = logx_probe,
	.remove = logx_remove,
	.driver = {
		.name = "logx",
	},
};
module_platform_driver(logx_driver);

MODULE_LICENSE("GPL");
