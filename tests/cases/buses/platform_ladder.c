// SPDX-License-Identifier: GPL-2.0
/* Example platform driver written for devmify's tests. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct gizmo_priv {
	void __iomem *base;
	char *label;
	int irq;
};

static int gizmo_hw_init(struct gizmo_priv *priv)
{
	return priv->irq < 0 ? -EINVAL : 0;
}

static int gizmo_probe(struct platform_device *pdev)
{
	struct gizmo_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->label = kstrdup(pdev->name, GFP_KERNEL);
	if (!priv->label) {
		ret = -ENOMEM;
		goto err_free_priv;
	}

	priv->irq = platform_get_irq(pdev, 0);
	ret = gizmo_hw_init(priv);
	if (ret) {
		dev_err(&pdev->dev, "init failed: %d\n", ret);
		goto err_free_label;
	}

	platform_set_drvdata(pdev, priv);
	return 0;

err_free_label:
	kfree(priv->label);
err_free_priv:
	kfree(priv);
	return ret;
}

static int gizmo_remove(struct platform_device *pdev)
{
	struct gizmo_priv *priv = platform_get_drvdata(pdev);

	kfree(priv->label);
	kfree(priv);
	return 0;
}

static struct platform_driver gizmo_driver = {
	.probe = gizmo_probe,
	.remove = gizmo_remove,
	.driver = {
		.name = "gizmo",
	},
};
module_platform_driver(gizmo_driver);

MODULE_LICENSE("GPL");
