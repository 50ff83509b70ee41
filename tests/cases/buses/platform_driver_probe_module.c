// SPDX-License-Identifier: GPL-2.0
/* module_platform_driver_probe(): the probe is named by the macro, not by .probe. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct rtcx_priv {
	struct platform_device *pdev;
	int irq;
};

static int __init rtcx_probe(struct platform_device *pdev)
{
	struct rtcx_priv *priv;
	int irq;

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->pdev = pdev;
	priv->irq = irq;
	platform_set_drvdata(pdev, priv);
	return 0;
}

static int __exit rtcx_remove(struct platform_device *pdev)
{
	struct rtcx_priv *priv = platform_get_drvdata(pdev);

	kfree(priv);
	return 0;
}

static struct platform_driver rtcx_driver = {
	.remove = __exit_p(rtcx_remove),
	.driver = {
		.name = "rtcx",
	},
};
module_platform_driver_probe(rtcx_driver, rtcx_probe);

MODULE_LICENSE("GPL");
