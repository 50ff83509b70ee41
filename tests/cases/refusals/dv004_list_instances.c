// SPDX-License-Identifier: GPL-2.0
/* DV004: channels freed in a loop over a list in remove() are instances, not one object. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct admx_chan {
	struct list_head node;
	int id;
};

struct admx {
	struct list_head chans;
};

static int admx_probe(struct platform_device *pdev)
{
	struct admx_chan *chan;
	struct admx *adm;

	adm = devm_kzalloc(&pdev->dev, sizeof(*adm), GFP_KERNEL);
	if (!adm)
		return -ENOMEM;
	INIT_LIST_HEAD(&adm->chans);

	chan = kzalloc(sizeof(*chan), GFP_KERNEL);
	if (!chan)
		return -ENOMEM;
	chan->id = 0;
	list_add_tail(&chan->node, &adm->chans);

	platform_set_drvdata(pdev, adm);
	return 0;
}

static int admx_remove(struct platform_device *pdev)
{
	struct admx *adm = platform_get_drvdata(pdev);
	struct admx_chan *chan, *tmp;

	list_for_each_entry_safe(chan, tmp, &adm->chans, node) {
		list_del(&chan->node);
		kfree(chan);
	}
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
