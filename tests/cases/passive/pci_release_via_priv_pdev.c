// SPDX-License-Identifier: GPL-2.0
/* remove() releases through priv->pdev, which probe set to the bound pdev: the whole PCI
 * set converts (pcim_enable_device, regions, pcim_iomap). */
#include <linux/io.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct barx_priv {
	struct pci_dev *pdev;
	void __iomem *regs;
	u32 version;
};

static int barx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct barx_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	ret = pci_enable_device(pdev);
	if (ret) {
		dev_err(&pdev->dev, "cannot enable device\n");
		goto err_free;
	}

	ret = pci_request_regions(pdev, "barx");
	if (ret)
		goto err_disable;

	priv->regs = pci_iomap(pdev, 0, 0);
	if (!priv->regs) {
		ret = -ENOMEM;
		goto err_release;
	}

	pci_set_master(pdev);
	priv->pdev = pdev;
	priv->version = readl(priv->regs);
	if (!priv->version) {
		ret = -ENODEV;
		goto err_unmap;
	}

	pci_set_drvdata(pdev, priv);
	return 0;

err_unmap:
	pci_iounmap(pdev, priv->regs);
err_release:
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
err_free:
	kfree(priv);
	return ret;
}

static void barx_remove(struct pci_dev *pdev)
{
	struct barx_priv *priv = pci_get_drvdata(pdev);

	writel(0, priv->regs);
	pci_iounmap(priv->pdev, priv->regs);
	pci_release_regions(priv->pdev);
	pci_disable_device(priv->pdev);
	kfree(priv);
}

static const struct pci_device_id barx_ids[] = {
	{ 0x10ee, 0x7021 },
	{ 0, }
};
MODULE_DEVICE_TABLE(pci, barx_ids);

static struct pci_driver barx_driver = {
	.name = "barx",
	.id_table = barx_ids,
	.probe = barx_probe,
	.remove = barx_remove,
};
module_pci_driver(barx_driver);

MODULE_LICENSE("GPL");
