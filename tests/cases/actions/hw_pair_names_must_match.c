// SPDX-License-Identifier: GPL-2.0
/* Which undo belongs to which step: `err_rings:` and `err_selftest:` share
 * swx_msix_fini(), the undo of swx_msix_init() (the self-test and the ring set-up have
 * nothing of their own to undo there).  The exit after swx_selftest() reaches
 * swx_msix_fini(), but the names differ in more than an undo word, so no pair is read from
 * it; swx_msix_init()/swx_msix_fini() are a pair, and the teardown becomes a devm action.
 * swx_rings_init() has no exit after it, so it is not paired with swx_rings_fini(). */
#include <linux/module.h>
#include <linux/pci.h>

struct swx {
	struct pci_dev *pdev;
	int vectors;
};

static int swx_msix_init(struct swx *sw)
{
	sw->vectors = 4;
	return 0;
}

static void swx_msix_fini(struct swx *sw)
{
	sw->vectors = 0;
}

static int swx_selftest(struct swx *sw)
{
	return sw->vectors ? 0 : -EIO;
}

static int swx_rings_init(struct swx *sw)
{
	return sw->vectors > 2 ? 0 : -ENOMEM;
}

static void swx_rings_fini(struct swx *sw)
{
	sw->vectors--;
}

static int swx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct swx *sw;
	int ret;

	sw = devm_kzalloc(&pdev->dev, sizeof(*sw), GFP_KERNEL);
	if (!sw)
		return -ENOMEM;
	sw->pdev = pdev;

	ret = swx_msix_init(sw);
	if (ret)
		return ret;

	ret = swx_selftest(sw);
	if (ret)
		goto err_selftest;

	ret = swx_rings_init(sw);
	if (ret)
		goto err_rings;

	pci_set_drvdata(pdev, sw);
	return 0;

err_rings:
err_selftest:
	swx_msix_fini(sw);
	return ret;
}

static void swx_remove(struct pci_dev *pdev)
{
	struct swx *sw = pci_get_drvdata(pdev);

	swx_rings_fini(sw);
	swx_msix_fini(sw);
}

static const struct pci_device_id swx_ids[] = {
	{ 0x1234, 0x5678 },
	{ }
};

static struct pci_driver swx_driver = {
	.name = "swx",
	.id_table = swx_ids,
	.probe = swx_probe,
	.remove = swx_remove,
};
module_pci_driver(swx_driver);

MODULE_LICENSE("GPL");
