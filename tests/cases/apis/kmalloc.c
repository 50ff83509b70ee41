// SPDX-License-Identifier: GPL-2.0
/* kmalloc() -> devm_kmalloc() for a buffer in an already devm-allocated priv. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define FIFOX_DEPTH	256

struct fifox {
	u32 *words;
	int irq;
};

static int fifox_probe(struct platform_device *pdev)
{
	struct fifox *ff;

	ff = devm_kzalloc(&pdev->dev, sizeof(*ff), GFP_KERNEL);
	if (!ff)
		return -ENOMEM;

	ff->words = kmalloc(FIFOX_DEPTH * sizeof(u32), GFP_KERNEL);
	if (!ff->words)
		return -ENOMEM;

	ff->irq = platform_get_irq(pdev, 0);
	if (ff->irq < 0) {
		kfree(ff->words);
		return ff->irq;
	}

	platform_set_drvdata(pdev, ff);
	return 0;
}

static int fifox_remove(struct platform_device *pdev)
{
	struct fifox *ff = platform_get_drvdata(pdev);

	kfree(ff->words);
	return 0;
}

static struct platform_driver fifox_driver = {
	.probe = fifox_probe,
	.remove = fifox_remove,
	.driver = {
		.name = "fifox",
	},
};
module_platform_driver(fifox_driver);

MODULE_LICENSE("GPL");
