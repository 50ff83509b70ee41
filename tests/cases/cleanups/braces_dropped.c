// SPDX-License-Identifier: GPL-2.0
/* An error block left with one statement loses its braces. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct thermx {
	int irq;
	int trip;
};

static int thermx_read_trip(struct thermx *th)
{
	return th->irq > 0 ? 85 : -EIO;
}

static int thermx_probe(struct platform_device *pdev)
{
	struct thermx *th;
	int ret;

	th = kzalloc(sizeof(*th), GFP_KERNEL);
	if (!th)
		return -ENOMEM;

	th->irq = platform_get_irq(pdev, 0);
	ret = thermx_read_trip(th);
	if (ret < 0) {
		kfree(th);
		return ret;
	}
	th->trip = ret;

	platform_set_drvdata(pdev, th);
	return 0;
}

static int thermx_remove(struct platform_device *pdev)
{
	struct thermx *th = platform_get_drvdata(pdev);

	kfree(th);
	return 0;
}

static struct platform_driver thermx_driver = {
	.probe = thermx_probe,
	.remove = thermx_remove,
	.driver = {
		.name = "thermx",
	},
};
module_platform_driver(thermx_driver);

MODULE_LICENSE("GPL");
