// SPDX-License-Identifier: GPL-2.0
/* Nearest case: ioremap() has a managed form, so it converts and nothing is reported.
 * The file does not include <linux/io.h>, which declares devm_ioremap(): it is added. */
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

	ch->regs = ioremap(0x1000, 8);
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

	iounmap(ch->regs);
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
