// SPDX-License-Identifier: GPL-2.0
/* The private data embeds a work item that nothing cancels: it can run after the free. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct blinker {
	struct work_struct work;
	int on;
};

static void blinker_work(struct work_struct *work)
{
	struct blinker *bl = container_of(work, struct blinker, work);

	bl->on = !bl->on;
}

static int blinker_probe(struct platform_device *pdev)
{
	struct blinker *bl;

	bl = kzalloc(sizeof(*bl), GFP_KERNEL);
	if (!bl)
		return -ENOMEM;
	INIT_WORK(&bl->work, blinker_work);
	schedule_work(&bl->work);
	platform_set_drvdata(pdev, bl);
	return 0;
}

static int blinker_remove(struct platform_device *pdev)
{
	struct blinker *bl = platform_get_drvdata(pdev);

	kfree(bl);
	return 0;
}

static struct platform_driver blinker_driver = {
	.probe = blinker_probe,
	.remove = blinker_remove,
	.driver = {
		.name = "blinker",
	},
};
module_platform_driver(blinker_driver);

MODULE_LICENSE("GPL");
