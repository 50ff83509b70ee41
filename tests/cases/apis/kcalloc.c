// SPDX-License-Identifier: GPL-2.0
/* kcalloc() -> devm_kcalloc(): an array of per-channel state sized from platform data. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct dmax_chan {
	int id;
	u32 ctrl;
};

struct dmax_pdata {
	unsigned int nr_chans;
};

struct dmax {
	struct dmax_chan *chans;
	unsigned int nr_chans;
};

static int dmax_probe(struct platform_device *pdev)
{
	struct dmax_pdata *pdata = dev_get_platdata(&pdev->dev);
	struct dmax *dma;
	unsigned int i;

	if (!pdata)
		return -EINVAL;

	dma = devm_kzalloc(&pdev->dev, sizeof(*dma), GFP_KERNEL);
	if (!dma)
		return -ENOMEM;

	dma->nr_chans = pdata->nr_chans;
	dma->chans = kcalloc(dma->nr_chans, sizeof(*dma->chans), GFP_KERNEL);
	if (!dma->chans)
		return -ENOMEM;

	for (i = 0; i < dma->nr_chans; i++)
		dma->chans[i].id = i;

	platform_set_drvdata(pdev, dma);
	return 0;
}

static int dmax_remove(struct platform_device *pdev)
{
	struct dmax *dma = platform_get_drvdata(pdev);

	kfree(dma->chans);
	return 0;
}

static struct platform_driver dmax_driver = {
	.probe = dmax_probe,
	.remove = dmax_remove,
	.driver = {
		.name = "dmax",
	},
};
module_platform_driver(dmax_driver);

MODULE_LICENSE("GPL");
