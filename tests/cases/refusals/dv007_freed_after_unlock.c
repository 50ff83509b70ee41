// SPDX-License-Identifier: GPL-2.0
/* Nearest safe case: the buffer is freed after the lock is dropped. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct logger {
	struct mutex lock;
	char *history;
};

static int logger_probe(struct platform_device *pdev)
{
	struct logger *lg = dev_get_platdata(&pdev->dev);

	lg->history = kzalloc(256, GFP_KERNEL);
	if (!lg->history)
		return -ENOMEM;
	platform_set_drvdata(pdev, lg);
	return 0;
}

static int logger_remove(struct platform_device *pdev)
{
	struct logger *lg = platform_get_drvdata(pdev);

	mutex_lock(&lg->lock);
	lg->history[0] = 0;
	mutex_unlock(&lg->lock);
	kfree(lg->history);
	return 0;
}

static struct platform_driver logger_driver = {
	.probe = logger_probe,
	.remove = logger_remove,
	.driver = {
		.name = "logger",
	},
};
module_platform_driver(logger_driver);

MODULE_LICENSE("GPL");
