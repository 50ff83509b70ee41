// SPDX-License-Identifier: GPL-2.0
/* Safe twin of DV002: a static default is copied with kmemdup(), never aliased. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct consx_cfg {
	unsigned int baud;
	bool flow;
};

static const struct consx_cfg consx_default_cfg = {
	.baud = 115200,
};

struct consx {
	int id;
	struct consx_cfg *cfg;
};

static int consx_probe(struct platform_device *pdev)
{
	struct consx *pv;

	pv = devm_kzalloc(&pdev->dev, sizeof(*pv), GFP_KERNEL);
	if (!pv)
		return -ENOMEM;

	pv->cfg = kmemdup(&consx_default_cfg, sizeof(*pv->cfg), GFP_KERNEL);
	if (!pv->cfg)
		return -ENOMEM;

	pv->id = pdev->id;
	platform_set_drvdata(pdev, pv);
	return 0;
}

static int consx_remove(struct platform_device *pdev)
{
	struct consx *pv = platform_get_drvdata(pdev);

	dev_info(&pdev->dev, "baud %u\n", pv->cfg->baud);
	kfree(pv->cfg);
	return 0;
}

static struct platform_driver consx_driver = {
	.probe = consx_probe,
	.remove = consx_remove,
	.driver = {
		.name = "consx",
	},
};
module_platform_driver(consx_driver);

MODULE_LICENSE("GPL");
