// SPDX-License-Identifier: GPL-2.0
/* A pci driver: priv goes devm on &pdev->dev; pci_enable_device() stays as it was. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct nicx_priv {
	struct pci_dev *pdev;
	unsigned int irq;
};

static int nicx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct nicx_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	ret = pci_enable_device(pdev);
	if (ret)
		goto err_free;

	priv->pdev = pdev;
	priv->irq = pdev->irq;
	dev_info(&pdev->dev, "device %04x found\n", id->device);
	pci_set_drvdata(pdev, priv);
	return 0;

err_free:
	kfree(priv);
	return ret;
}

static void nicx_remove(struct pci_dev *pdev)
{
	struct nicx_priv *priv = pci_get_drvdata(pdev);

	pci_disable_device(pdev);
	kfree(priv);
}

static const struct pci_device_id nicx_ids[] = {
	{ 0x1234, 0x5678 },
	{ 0, }
};
MODULE_DEVICE_TABLE(pci, nicx_ids);

static struct pci_driver nicx_driver = {
	.name = "nicx",
	.id_table = nicx_ids,
	.probe = nicx_probe,
	.remove = nicx_remove,
};
module_pci_driver(nicx_driver);

MODULE_LICENSE("GPL");
