// SPDX-License-Identifier: GPL-2.0
/* Finding (managed-release): the private data comes from devm_kzalloc(), yet remove()
 * frees it with kfree(); devres frees it again at unbind, a double free (the kernel's
 * devm_free.cocci).  The driver is left as it is: devmify reports, it does not guess which
 * of the two the author meant. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct dblx {
	int mode;
};

static int dblx_probe(struct platform_device *pdev)
{
	struct dblx *d;

	d = devm_kzalloc(&pdev->dev, sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;

	platform_set_drvdata(pdev, d);
	return 0;
}

static int dblx_remove(struct platform_device *pdev)
{
	struct dblx *d = platform_get_drvdata(pdev);

	kfree(d);
	return 0;
}

static struct platform_driver dblx_driver = {
	.probe = dblx_probe,
	.remove = dblx_remove,
	.driver = {
		.name = "dblx",
	},
};
module_platform_driver(dblx_driver);

MODULE_LICENSE("GPL");
