// SPDX-License-Identifier: GPL-2.0
/* Nearest case that is no finding: the buffer comes from devm_kzalloc() or, for the large
 * variant, from kmalloc(); the kfree() in remove() is right for the path that took the
 * unmanaged source, so nothing is reported (one source per object, or no finding). */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct bufx {
	void *buf;
	bool big;
};

static int bufx_probe(struct platform_device *pdev)
{
	struct bufx *b;

	b = devm_kzalloc(&pdev->dev, sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;

	b->big = dev_get_platdata(&pdev->dev) != NULL;
	if (b->big)
		b->buf = kmalloc(65536, GFP_KERNEL);
	else
		b->buf = devm_kzalloc(&pdev->dev, 64, GFP_KERNEL);
	if (!b->buf)
		return -ENOMEM;

	platform_set_drvdata(pdev, b);
	return 0;
}

static int bufx_remove(struct platform_device *pdev)
{
	struct bufx *b = platform_get_drvdata(pdev);

	if (b->big)
		kfree(b->buf);
	return 0;
}

static struct platform_driver bufx_driver = {
	.probe = bufx_probe,
	.remove = bufx_remove,
	.driver = {
		.name = "bufx",
	},
};
module_platform_driver(bufx_driver);

MODULE_LICENSE("GPL");
