// SPDX-License-Identifier: GPL-2.0
/* Refusal: pci_request_regions() is managed only through pcim_enable_device(), refused here. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct fbx_priv {
	struct pci_dev *pdev;
	bool boot_display;
};

static int fbx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct fbx_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->pdev = pdev;
	priv->boot_display = id->device == 0x0100;

	ret = pci_enable_device(pdev);
	if (ret)
		goto err_free;

	ret = pci_request_regions(pdev, "fbx");
	if (ret) {
		dev_err(&pdev->dev, "BARs busy\n");
		goto err_disable;
	}

	pci_set_drvdata(pdev, priv);
	return 0;

err_disable:
	pci_disable_device(pdev);
err_free:
	kfree(priv);
	return ret;
}

static void fbx_remove(struct pci_dev *pdev)
{
	struct fbx_priv *priv = pci_get_drvdata(pdev);

	pci_release_regions(pdev);
	/* the firmware console still scans out of this device */
	if (!priv->boot_display)
		pci_disable_device(pdev);
	kfree(priv);
}

static const struct pci_device_id fbx_ids[] = {
	{ 0x1234, 0x0100 },
	{ 0x1234, 0x0101 },
	{ 0, }
};
MODULE_DEVICE_TABLE(pci, fbx_ids);

static struct pci_driver fbx_driver = {
	.name = "fbx",
	.id_table = fbx_ids,
	.probe = fbx_probe,
	.remove = fbx_remove,
};
module_pci_driver(fbx_driver);

MODULE_LICENSE("GPL");
