// SPDX-License-Identifier: GPL-2.0
/* A helper allocates, frees on its own error path and returns the object; probe stores
 * it in the private data and remove() frees it through that field. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct tuner_cfg {
	int band;
	int step;
};

struct tuner {
	struct tuner_cfg *cfg;
};

static struct tuner_cfg *tuner_read_cfg(struct device *dev)
{
	struct tuner_cfg *cfg;

	cfg = kzalloc(sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		return ERR_PTR(-ENOMEM);
	cfg->band = 2;
	if (!dev->platform_data) {
		kfree(cfg);
		return ERR_PTR(-EINVAL);
	}
	cfg->step = 25;
	return cfg;
}

static int tuner_probe(struct platform_device *pdev)
{
	struct tuner *tn;

	tn = kzalloc(sizeof(*tn), GFP_KERNEL);
	if (!tn)
		return -ENOMEM;
	tn->cfg = tuner_read_cfg(&pdev->dev);
	if (IS_ERR(tn->cfg)) {
		kfree(tn);
		return PTR_ERR(tn->cfg);
	}
	platform_set_drvdata(pdev, tn);
	return 0;
}

static int tuner_remove(struct platform_device *pdev)
{
	struct tuner *tn = platform_get_drvdata(pdev);

	kfree(tn->cfg);
	kfree(tn);
	return 0;
}

static struct platform_driver tuner_driver = {
	.probe = tuner_probe,
	.remove = tuner_remove,
	.driver = {
		.name = "tuner",
	},
};
module_platform_driver(tuner_driver);

MODULE_LICENSE("GPL");
