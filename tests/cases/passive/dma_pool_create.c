// SPDX-License-Identifier: GPL-2.0
/* dma_pool_create() for descriptors becomes dmam_pool_create(); dma_pool_destroy() goes. */
#include <linux/dmapool.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define DESCX_SIZE	32
#define DESCX_ALIGN	16

struct descx_priv {
	struct dma_pool *desc_pool;
	int irq;
};

static int descx_probe(struct platform_device *pdev)
{
	struct descx_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->desc_pool = dma_pool_create("descx", &pdev->dev, DESCX_SIZE, DESCX_ALIGN, 0);
	if (!priv->desc_pool) {
		ret = -ENOMEM;
		goto err_free;
	}

	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0) {
		ret = priv->irq;
		goto err_pool;
	}

	platform_set_drvdata(pdev, priv);
	return 0;

err_pool:
	dma_pool_destroy(priv->desc_pool);
err_free:
	kfree(priv);
	return ret;
}

static int descx_remove(struct platform_device *pdev)
{
	struct descx_priv *priv = platform_get_drvdata(pdev);

	dma_pool_destroy(priv->desc_pool);
	kfree(priv);
	return 0;
}

static struct platform_driver descx_driver = {
	.probe = descx_probe,
	.remove = descx_remove,
	.driver = {
		.name = "descx",
	},
};
module_platform_driver(descx_driver);

MODULE_LICENSE("GPL");
