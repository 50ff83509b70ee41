// SPDX-License-Identifier: GPL-2.0
/* DV011: probe itself grows the table with krealloc(), reassigning the pointer. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct tblx {
	u32 *tbl;
	unsigned int n;
};

static int tblx_probe(struct platform_device *pdev)
{
	struct tblx *tx;
	u32 *grown;

	tx = devm_kzalloc(&pdev->dev, sizeof(*tx), GFP_KERNEL);
	if (!tx)
		return -ENOMEM;

	tx->n = 16;
	tx->tbl = kcalloc(tx->n, sizeof(*tx->tbl), GFP_KERNEL);
	if (!tx->tbl)
		return -ENOMEM;

	if (pdev->id > 0) {
		grown = krealloc(tx->tbl, 2 * tx->n * sizeof(*tx->tbl), GFP_KERNEL);
		if (!grown) {
			kfree(tx->tbl);
			return -ENOMEM;
		}
		tx->tbl = grown;
		tx->n *= 2;
	}

	platform_set_drvdata(pdev, tx);
	return 0;
}

static int tblx_remove(struct platform_device *pdev)
{
	struct tblx *tx = platform_get_drvdata(pdev);

	kfree(tx->tbl);
	return 0;
}

static struct platform_driver tblx_driver = {
	.probe = tblx_probe,
	.remove = tblx_remove,
	.driver = {
		.name = "tblx",
	},
};
module_platform_driver(tblx_driver);

MODULE_LICENSE("GPL");
