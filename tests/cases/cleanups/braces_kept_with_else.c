// SPDX-License-Identifier: GPL-2.0
/* Nearest that stays: braces of an if with a multi-statement else are kept. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct chgx {
	int irq;
	int id;
};

static int chgx_read_id(struct chgx *chg)
{
	return chg->irq > 0 ? 3 : -ENODEV;
}

static int chgx_probe(struct platform_device *pdev)
{
	struct chgx *chg;
	int ret;

	chg = kzalloc(sizeof(*chg), GFP_KERNEL);
	if (!chg)
		return -ENOMEM;

	chg->irq = platform_get_irq(pdev, 0);
	ret = chgx_read_id(chg);
	if (ret < 0) {
		kfree(chg);
		return ret;
	} else {
		chg->id = ret;
		dev_info(&pdev->dev, "charger id %d\n", ret);
	}

	platform_set_drvdata(pdev, chg);
	return 0;
}

static int chgx_remove(struct platform_device *pdev)
{
	struct chgx *chg = platform_get_drvdata(pdev);

	kfree(chg);
	return 0;
}

static struct platform_driver chgx_driver = {
	.probe = chgx_probe,
	.remove = chgx_remove,
	.driver = {
		.name = "chgx",
	},
};
module_platform_driver(chgx_driver);

MODULE_LICENSE("GPL");
