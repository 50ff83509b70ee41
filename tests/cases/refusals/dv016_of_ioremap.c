// SPDX-License-Identifier: GPL-2.0
/* of_ioremap() has no managed form: the memory converts, the mapping is reported. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct chirp {
	void *regs;
};

static int chirp_probe(struct platform_device *pdev)
{
	struct chirp *ch;

	ch = kzalloc(sizeof(*ch), GFP_KERNEL);
	if (!ch)
		return -ENOMEM;

	ch->regs = of_ioremap(&pdev->resource[0], 0, 8, "chirp");
	if (!ch->regs) {
		kfree(ch);
		return -ENOMEM;
	}
	platform_set_drvdata(pdev, ch);
	return 0;
}

static int chirp_remove(struct platform_device *pdev)
{
	struct chirp *ch = platform_get_drvdata(pdev);

	of_iounmap(&pdev->resource[0], ch->regs, 8);
	kfree(ch);
	return 0;
}

static struct platform_driver chirp_driver = {
	.probe = chirp_probe,
	.remove = chirp_remove,
	.driver = {
		.name = "chirp",
	},
};
module_platform_driver(chirp_driver);

MODULE_LICENSE("GPL");
