// SPDX-License-Identifier: GPL-2.0
/* devmify-options: --policy all-or-nothing
 * The input device keeps its unmanaged allocation, so nothing in the driver converts. */
#include <linux/input.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct pager {
	struct input_dev *input;
	int code;
};

static int pager_probe(struct platform_device *pdev)
{
	struct pager *pg;
	int ret;

	pg = kzalloc(sizeof(*pg), GFP_KERNEL);
	if (!pg)
		return -ENOMEM;

	pg->input = input_allocate_device();
	if (!pg->input) {
		ret = -ENOMEM;
		goto err_free;
	}
	ret = input_register_device(pg->input);
	if (ret)
		goto err_free_input;

	platform_set_drvdata(pdev, pg);
	return 0;

err_free_input:
	input_free_device(pg->input);
err_free:
	kfree(pg);
	return ret;
}

static int pager_remove(struct platform_device *pdev)
{
	struct pager *pg = platform_get_drvdata(pdev);

	input_unregister_device(pg->input);
	kfree(pg);
	return 0;
}

static struct platform_driver pager_driver = {
	.probe = pager_probe,
	.remove = pager_remove,
	.driver = {
		.name = "pager",
	},
};
module_platform_driver(pager_driver);

MODULE_LICENSE("GPL");
