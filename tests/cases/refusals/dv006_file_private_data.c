// SPDX-License-Identifier: GPL-2.0
/* The private data is handed to open files through private_data. */
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct tapper {
	int taps;
};

static struct tapper *the_tapper;

static int tapper_open(struct inode *inode, struct file *file)
{
	(void)inode;
	file->private_data = the_tapper;
	return 0;
}

static int tapper_probe(struct platform_device *pdev)
{
	the_tapper = kzalloc(sizeof(*the_tapper), GFP_KERNEL);
	if (!the_tapper)
		return -ENOMEM;
	(void)pdev;
	return 0;
}

static int tapper_remove(struct platform_device *pdev)
{
	(void)pdev;
	kfree(the_tapper);
	return 0;
}

static struct platform_driver tapper_driver = {
	.probe = tapper_probe,
	.remove = tapper_remove,
	.driver = {
		.name = "tapper",
	},
};
module_platform_driver(tapper_driver);

int tapper_open_for_tests(struct inode *inode, struct file *file);
int tapper_open_for_tests(struct inode *inode, struct file *file)
{
	return tapper_open(inode, file);
}

MODULE_LICENSE("GPL");
