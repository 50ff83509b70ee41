// SPDX-License-Identifier: GPL-2.0
/* Nearest case that is no finding: pci_disable_device() of a pcim_enable_device() device.
 * pcim's release skips a device that is no longer enabled, so disabling it by hand is
 * redundant, not a double disable (two 6.1 network drivers do it): nothing is reported. */
#include <linux/module.h>
#include <linux/pci.h>

struct nicz {
	int up;
};

static int nicz_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct nicz *n;
	int ret;

	n = devm_kzalloc(&pdev->dev, sizeof(*n), GFP_KERNEL);
	if (!n)
		return -ENOMEM;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;

	pci_set_drvdata(pdev, n);
	return 0;
}

static void nicz_remove(struct pci_dev *pdev)
{
	pci_disable_device(pdev);
}

static const struct pci_device_id nicz_ids[] = {
	{ 0x1234, 0x5678 },
	{ 0, }
};

static struct pci_driver nicz_driver = {
	.name = "nicz",
	.id_table = nicz_ids,
	.probe = nicz_probe,
	.remove = nicz_remove,
};
module_pci_driver(nicz_driver);

MODULE_LICENSE("GPL");
