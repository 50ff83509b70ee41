// SPDX-License-Identifier: GPL-2.0
/* A release helper that calls itself (a chain freed link by link): where its release
 * runs cannot be settled by asking where its callers run, so it is not deletable and
 * nothing converts.  Found by fuzzing: the question recursed until the stack ran out. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct recx {
	void *buf;
	struct recx *next;
};

static void recx_free(struct recx *p)
{
	kfree(p->buf);
	recx_free(p->next);
}

static int recx_probe(struct platform_device *pdev)
{
	struct recx *p;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->buf = kzalloc(16, GFP_KERNEL);
	if (!p->buf) {
		recx_free(p);
		return -ENOMEM;
	}
	platform_set_drvdata(pdev, p);
	return 0;
}

static int recx_remove(struct platform_device *pdev)
{
	recx_free(platform_get_drvdata(pdev));
	return 0;
}

static struct platform_driver recx_driver = {
	.probe = recx_probe,
	.remove = recx_remove,
	.driver = {
		.name = "recx",
	},
};
module_platform_driver(recx_driver);

MODULE_LICENSE("GPL");
