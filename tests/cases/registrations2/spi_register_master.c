// SPDX-License-Identifier: GPL-2.0
/* spi_register_master(), the older name, becomes devm_spi_register_master(&pdev->dev,
 * master).  The private data is kzalloc()ed apart from the master and only points to it:
 * it becomes devm_kzalloc(), allocated before the registration and so freed after devres
 * has unregistered the master.  The clock becomes devm_clk_get_enabled() and is gated
 * only after that too, so remove() goes; the error exits keep spi_master_put() for the
 * master spi_alloc_master() returned (its allocation is not converted). */
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/spi/spi.h>

#define SPIM_CFG	0x00
#define SPIM_TXRX	0x10
#define SPIM_CFG_ENABLE	BIT(0)
#define SPIM_CFG_CPOL	BIT(1)
#define SPIM_CFG_CPHA	BIT(2)

struct spim_priv {
	struct spi_master *master;
	void __iomem *regs;
	struct clk *clk;
};

static int spim_setup(struct spi_device *spi)
{
	return spi->max_speed_hz ? 0 : -EINVAL;
}

static int spim_transfer_one(struct spi_master *master, struct spi_device *spi,
			     struct spi_transfer *t)
{
	struct spim_priv *priv = spi_master_get_devdata(master);
	const u8 *tx = t->tx_buf;
	unsigned int i;

	for (i = 0; i < t->len; i++)
		writel(tx ? tx[i] : 0xff, priv->regs + SPIM_TXRX);
	return 0;
}

static int spim_probe(struct platform_device *pdev)
{
	struct spi_master *master;
	struct spim_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	master = spi_alloc_master(&pdev->dev, 0);
	if (!master) {
		ret = -ENOMEM;
		goto err_free;
	}
	priv->master = master;
	spi_master_set_devdata(master, priv);

	priv->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->regs)) {
		ret = PTR_ERR(priv->regs);
		goto err_put_master;
	}

	priv->clk = clk_get(&pdev->dev, "sclk");
	if (IS_ERR(priv->clk)) {
		ret = PTR_ERR(priv->clk);
		goto err_put_master;
	}
	ret = clk_prepare_enable(priv->clk);
	if (ret)
		goto err_put_clk;

	writel(SPIM_CFG_ENABLE, priv->regs + SPIM_CFG);

	master->bus_num = pdev->id;
	master->num_chipselect = 4;
	master->mode_bits = SPI_CPOL | SPI_CPHA | SPI_CS_HIGH;
	master->max_speed_hz = clk_get_rate(priv->clk) / 4;
	master->setup = spim_setup;
	master->transfer_one = spim_transfer_one;

	ret = spi_register_master(master);
	if (ret)
		goto err_disable_clk;

	platform_set_drvdata(pdev, priv);
	return 0;

err_disable_clk:
	clk_disable_unprepare(priv->clk);
err_put_clk:
	clk_put(priv->clk);
err_put_master:
	spi_master_put(master);
err_free:
	kfree(priv);
	return ret;
}

static int spim_remove(struct platform_device *pdev)
{
	struct spim_priv *priv = platform_get_drvdata(pdev);

	spi_unregister_master(priv->master);
	clk_disable_unprepare(priv->clk);
	clk_put(priv->clk);
	kfree(priv);
	return 0;
}

static struct platform_driver spim_driver = {
	.probe = spim_probe,
	.remove = spim_remove,
	.driver = {
		.name = "spim",
	},
};
module_platform_driver(spim_driver);

MODULE_LICENSE("GPL");
