// SPDX-License-Identifier: GPL-2.0
/* A goto to a label that now only returns becomes that return. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct mboxx {
	int irq;
	u32 chans;
};

static int mboxx_hw_init(struct mboxx *mb)
{
	return mb->chans ? 0 : -EINVAL;
}

static int mboxx_probe(struct platform_device *pdev)
{
	struct mboxx *mb;
	int ret;

	mb = kzalloc(sizeof(*mb), GFP_KERNEL);
	if (!mb)
		return -ENOMEM;

	mb->chans = 8;
	mb->irq = platform_get_irq(pdev, 0);
	if (mb->irq < 0) {
		ret = mb->irq;
		goto err_free;
	}

	ret = mboxx_hw_init(mb);
	if (ret)
		goto err_free;

	platform_set_drvdata(pdev, mb);
	return 0;

err_free:
	kfree(mb);
	return ret;
}

static int mboxx_remove(struct platform_device *pdev)
{
	struct mboxx *mb = platform_get_drvdata(pdev);

	kfree(mb);
	return 0;
}

static struct platform_driver mboxx_driver = {
	.probe = mboxx_probe,
	.remove = mboxx_remove,
	.driver = {
		.name = "mboxx",
	},
};
module_platform_driver(mboxx_driver);

MODULE_LICENSE("GPL");
