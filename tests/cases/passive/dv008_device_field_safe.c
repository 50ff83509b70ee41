// SPDX-License-Identifier: GPL-2.0
/* Nearest safe case (DV008): priv->dev = &pdev->dev, so dma_alloc_coherent(priv->dev) converts. */
#include <linux/dma-mapping.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

#define CMDX_QUEUE_BYTES	4096

struct cmdx_priv {
	struct device *dev;
	void *cmdq;
	dma_addr_t cmdq_dma;
};

static int cmdx_alloc_queue(struct cmdx_priv *priv)
{
	priv->cmdq = dma_alloc_coherent(priv->dev, CMDX_QUEUE_BYTES, &priv->cmdq_dma, GFP_KERNEL);
	if (!priv->cmdq)
		return -ENOMEM;
	return 0;
}

static int cmdx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct cmdx_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = &pdev->dev;

	ret = cmdx_alloc_queue(priv);
	if (ret)
		goto err_free;

	pci_set_drvdata(pdev, priv);
	return 0;

err_free:
	kfree(priv);
	return ret;
}

static void cmdx_remove(struct pci_dev *pdev)
{
	struct cmdx_priv *priv = pci_get_drvdata(pdev);

	dma_free_coherent(priv->dev, CMDX_QUEUE_BYTES, priv->cmdq, priv->cmdq_dma);
	kfree(priv);
}

static const struct pci_device_id cmdx_ids[] = {
	{ 0x8086, 0x0b60 },
	{ 0, }
};
MODULE_DEVICE_TABLE(pci, cmdx_ids);

static struct pci_driver cmdx_driver = {
	.name = "cmdx",
	.id_table = cmdx_ids,
	.probe = cmdx_probe,
	.remove = cmdx_remove,
};
module_pci_driver(cmdx_driver);

MODULE_LICENSE("GPL");
