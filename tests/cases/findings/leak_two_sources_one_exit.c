// SPDX-License-Identifier: GPL-2.0
/* Finding (error-path-leak), twice at one return: the ring buffer comes from one of two
 * kmalloc() calls, and neither is freed when the FIFO setup fails.  Two findings share
 * the line, the call and the target and differ in the acquisition they name: they must
 * come out in the same order in every run (they once followed a set's hash order). */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct tsx {
	u8 *ring;
	int big;
	int fifo;
};

static int tsx_setup_fifo(struct tsx *t)
{
	return t->fifo ? 0 : -EIO;
}

static int tsx_probe(struct platform_device *pdev)
{
	struct tsx *t;
	int ret;

	t = devm_kzalloc(&pdev->dev, sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;

	if (t->big)
		t->ring = kmalloc(4096, GFP_KERNEL);
	else
		t->ring = kmalloc(256, GFP_KERNEL);
	if (!t->ring)
		return -ENOMEM;

	ret = tsx_setup_fifo(t);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, t);
	return 0;
}

static int tsx_remove(struct platform_device *pdev)
{
	struct tsx *t = platform_get_drvdata(pdev);

	kfree(t->ring);
	return 0;
}

static struct platform_driver tsx_driver = {
	.probe = tsx_probe,
	.remove = tsx_remove,
	.driver = { .name = "tsx" },
};
module_platform_driver(tsx_driver);
MODULE_LICENSE("GPL");
