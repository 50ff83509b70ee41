// SPDX-License-Identifier: GPL-2.0
/* A pci ring: dma_alloc_coherent() becomes dmam_alloc_coherent(); dma_free_coherent() goes. */
#include <linux/dma-mapping.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

#define RINGX_ENTRIES	256
#define RINGX_SIZE	(RINGX_ENTRIES * 16)

struct ringx_priv {
	struct pci_dev *pdev;
	void *ring;
	dma_addr_t ring_dma;
};

static int ringx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ringx_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->pdev = pdev;

	priv->ring = dma_alloc_coherent(&pdev->dev, RINGX_SIZE, &priv->ring_dma, GFP_KERNEL);
	if (!priv->ring) {
		ret = -ENOMEM;
		goto err_free;
	}

	if (priv->ring_dma & 0xf) {
		dev_err(&pdev->dev, "ring not aligned\n");
		ret = -EINVAL;
		goto err_free_ring;
	}

	pci_set_drvdata(pdev, priv);
	return 0;

err_free_ring:
	dma_free_coherent(&pdev->dev, RINGX_SIZE, priv->ring, priv->ring_dma);
err_free:
	kfree(priv);
	return ret;
}

static void ringx_remove(struct pci_dev *pdev)
{
	struct ringx_priv *priv = pci_get_drvdata(pdev);

	dma_free_coherent(&pdev->dev, RINGX_SIZE, priv->ring, priv->ring_dma);
	kfree(priv);
}

static const struct pci_device_id ringx_ids[] = {
	{ 0x1af4, 0x10f0 },
	{ 0, }
};
MODULE_DEVICE_TABLE(pci, ringx_ids);

static struct pci_driver ringx_driver = {
	.name = "ringx",
	.id_table = ringx_ids,
	.probe = ringx_probe,
	.remove = ringx_remove,
};
module_pci_driver(ringx_driver);

MODULE_LICENSE("GPL");
