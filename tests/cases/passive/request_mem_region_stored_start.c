// SPDX-License-Identifier: GPL-2.0
/* remove() releases the start probe copied into priv->phys (set once, from res->start):
 * the same region, so request_mem_region() converts. */
#include <linux/ioport.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct sramx_priv {
	resource_size_t phys;
	resource_size_t size;
};

static int sramx_probe(struct platform_device *pdev)
{
	struct sramx_priv *priv;
	struct resource *res;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res) {
		ret = -ENODEV;
		goto err_free;
	}

	if (!request_mem_region(res->start, resource_size(res), "sramx")) {
		dev_err(&pdev->dev, "memory region busy\n");
		ret = -EBUSY;
		goto err_free;
	}

	priv->phys = res->start;
	priv->size = resource_size(res);
	if (priv->size < PAGE_SIZE) {
		ret = -EINVAL;
		goto err_release;
	}

	platform_set_drvdata(pdev, priv);
	return 0;

err_release:
	release_mem_region(res->start, resource_size(res));
err_free:
	kfree(priv);
	return ret;
}

static int sramx_remove(struct platform_device *pdev)
{
	struct sramx_priv *priv = platform_get_drvdata(pdev);

	release_mem_region(priv->phys, priv->size);
	kfree(priv);
	return 0;
}

static struct platform_driver sramx_driver = {
	.probe = sramx_probe,
	.remove = sramx_remove,
	.driver = {
		.name = "sramx",
	},
};
module_platform_driver(sramx_driver);

MODULE_LICENSE("GPL");
