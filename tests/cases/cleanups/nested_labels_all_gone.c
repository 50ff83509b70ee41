// SPDX-License-Identifier: GPL-2.0
/* Two labels on one statement (`out_regions: out_mask: pci_disable_device()`) and a last
 * label that only returns: once every release goes, all labels and the unreachable
 * `return err;` after `return 0;` go too. */
#include <linux/module.h>
#include <linux/pci.h>

struct nicz_priv {
	void __iomem *regs;
};

static int nicz_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct nicz_priv *priv;
	void __iomem *regs;
	int err;

	err = pci_enable_device(pdev);
	if (err)
		goto out_enable;

	err = pci_request_regions(pdev, "nicz");
	if (err)
		goto out_regions;

	regs = pci_iomap(pdev, 0, 0);
	if (!regs) {
		err = -EIO;
		goto out_mask;
	}

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv) {
		err = -ENOMEM;
		goto out_iomap;
	}
	priv->regs = regs;
	pci_set_drvdata(pdev, priv);
	return 0;

out_iomap:
	pci_iounmap(pdev, regs);
	pci_release_regions(pdev);
out_regions:
out_mask:
	pci_disable_device(pdev);
out_enable:
	return err;
}

static void nicz_remove(struct pci_dev *pdev)
{
	struct nicz_priv *priv = pci_get_drvdata(pdev);

	pci_iounmap(pdev, priv->regs);
	kfree(priv);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
}

static const struct pci_device_id nicz_ids[] = {
	{ 0x1234, 0x0042 },
	{ 0, }
};
MODULE_DEVICE_TABLE(pci, nicz_ids);

static struct pci_driver nicz_driver = {
	.name = "nicz",
	.id_table = nicz_ids,
	.probe = nicz_probe,
	.remove = nicz_remove,
};
module_pci_driver(nicz_driver);

MODULE_LICENSE("GPL");
