// SPDX-License-Identifier: GPL-2.0
/* Nearest case that stays: a ladder whose labels share a statement (`err_rings:` and
 * `err_selftest:` both run swx_msix_fini()).  The exit after swx_selftest() reaches the
 * undo of swx_msix_init(), not of swx_selftest(), so no pair is read from it: devmify
 * guesses no devm action and leaves the driver as it is.  (swx_msix_init() itself is
 * undone at a label its own next exit shares, so it is not paired either.) */
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
