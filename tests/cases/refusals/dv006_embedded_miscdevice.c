// SPDX-License-Identifier: GPL-2.0
/* The private data embeds a miscdevice: an open /dev node can outlive unbind. */
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct beeper {
	struct miscdevice misc;
	int tone;
};

static int beeper_probe(struct platform_device *pdev)
{
	struct beeper *bp;
	int ret;

	bp = kzalloc(sizeof(*bp), GFP_KERNEL);
	if (!bp)
		return -ENOMEM;

	bp->misc.name = "beeper";
	ret = misc_register(&bp->misc);
	if (ret) {
		kfree(bp);
		return ret;
	}
	platform_set_drvdata(pdev, bp);
	return 0;
}

static int beeper_remove(struct platform_device *pdev)
{
	struct beeper *bp = platform_get_drvdata(pdev);

	misc_deregister(&bp->misc);
	kfree(bp);
	return 0;
}

static struct platform_driver beeper_driver = {
	.probe = beeper_probe,
	.remove = beeper_remove,
	.driver = {
		.name = "beeper",
	},
};
module_platform_driver(beeper_driver);

MODULE_LICENSE("GPL");
