// SPDX-License-Identifier: GPL-2.0
/* Safe twin of DV004: the channels live in one kcalloc()ed array, freed once. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define ADMX_NR_CHANS	8

struct admx_chan {
	int id;
};

struct admx {
	struct admx_chan *chans;
};

static int admx_probe(struct platform_device *pdev)
{
	struct admx *adm;
	int i;

	adm = devm_kzalloc(&pdev->dev, sizeof(*adm), GFP_KERNEL);
	if (!adm)
		return -ENOMEM;

	adm->chans = kcalloc(ADMX_NR_CHANS, sizeof(*adm->chans), GFP_KERNEL);
	if (!adm->chans)
		return -ENOMEM;
	for (i = 0; i < ADMX_NR_CHANS; i++)
		adm->chans[i].id = i;

	platform_set_drvdata(pdev, adm);
	return 0;
}

static int admx_remove(struct platform_device *pdev)
{
	struct admx *adm = platform_get_drvdata(pdev);

	kfree(adm->chans);
	return 0;
}

static struct platform_driver admx_driver = {
	.probe = admx_probe,
	.remove = admx_remove,
	.driver = {
		.name = "admx",
	},
};
module_platform_driver(admx_driver);

MODULE_LICENSE("GPL");
