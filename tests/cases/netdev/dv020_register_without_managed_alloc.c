// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV020): the net_device is freed only when the MAC was found, so its
 * allocation stays by hand (DV005), and devm_register_netdev(), which needs a
 * devm_alloc_etherdev() device, stays with it. */
#include <linux/etherdevice.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>

struct ethx_priv {
	void __iomem *base;
	struct net_device *ndev;
};

static int ethx_probe(struct platform_device *pdev)
{
	struct net_device *ndev;
	struct ethx_priv *priv;
	int ret;

	ndev = alloc_etherdev(sizeof(*priv));
	if (!ndev)
		return -ENOMEM;

	priv = netdev_priv(ndev);
	priv->ndev = ndev;
	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base)) {
		ret = PTR_ERR(priv->base);
		goto err_free;
	}

	ret = register_netdev(ndev);
	if (ret)
		goto err_free;

	platform_set_drvdata(pdev, ndev);
	return 0;

err_free:
	free_netdev(ndev);
	return ret;
}

static int ethx_remove(struct platform_device *pdev)
{
	struct net_device *ndev = platform_get_drvdata(pdev);

	unregister_netdev(ndev);
	if (readl(((struct ethx_priv *)netdev_priv(ndev))->base))
		free_netdev(ndev);
	return 0;
}

static struct platform_driver ethx_driver = {
	.probe = ethx_probe,
	.remove = ethx_remove,
	.driver = {
		.name = "ethx",
	},
};
module_platform_driver(ethx_driver);

MODULE_LICENSE("GPL");
