// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV019): remove() resets the block and gates its clock after
 * spi_unregister_controller().  With devm_spi_register_controller() the controller would
 * stay registered until devres runs after remove(), and SPI devices on the bus could
 * still call transfer_one() on a block in reset with its clock off, so the registration
 * stays by hand.  The controller comes from devm_spi_alloc_master(), so its devdata is
 * still there when remove() touches the registers.  The clock itself still converts:
 * devm_clk_get_enabled() gates it after remove() has reset the block. */
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/spi/spi.h>

#define SPIR_CTRL		0x00
#define SPIR_FIFO		0x08
#define SPIR_CTRL_EN		BIT(0)
#define SPIR_CTRL_SRST		BIT(31)

struct spir_priv {
	struct spi_controller *ctlr;
	void __iomem *base;
	struct clk *clk;
};

static int spir_transfer_one(struct spi_controller *ctlr, struct spi_device *spi,
			     struct spi_transfer *xfer)
{
	struct spir_priv *priv = spi_controller_get_devdata(ctlr);
	const u8 *tx = xfer->tx_buf;
	u8 *rx = xfer->rx_buf;
	unsigned int i;

	for (i = 0; i < xfer->len; i++) {
		writel(tx ? tx[i] : 0, priv->base + SPIR_FIFO);
		if (rx)
			rx[i] = readl(priv->base + SPIR_FIFO);
	}
	return 0;
}

static int spir_probe(struct platform_device *pdev)
{
	struct spi_controller *ctlr;
	struct spir_priv *priv;
	int ret;

	ctlr = devm_spi_alloc_master(&pdev->dev, sizeof(*priv));
	if (!ctlr)
		return -ENOMEM;
	priv = spi_controller_get_devdata(ctlr);
	priv->ctlr = ctlr;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);

	priv->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(priv->clk))
		return PTR_ERR(priv->clk);

	ret = clk_prepare_enable(priv->clk);
	if (ret)
		return ret;

	writel(SPIR_CTRL_EN, priv->base + SPIR_CTRL);

	ctlr->dev.of_node = pdev->dev.of_node;
	ctlr->bus_num = -1;
	ctlr->num_chipselect = 1;
	ctlr->mode_bits = SPI_CPOL | SPI_CPHA;
	ctlr->transfer_one = spir_transfer_one;

	ret = spi_register_controller(ctlr);
	if (ret) {
		dev_err(&pdev->dev, "cannot register controller: %d\n", ret);
		goto err_disable_clk;
	}

	platform_set_drvdata(pdev, priv);
	return 0;

err_disable_clk:
	writel(SPIR_CTRL_SRST, priv->base + SPIR_CTRL);
	clk_disable_unprepare(priv->clk);
	return ret;
}

static int spir_remove(struct platform_device *pdev)
{
	struct spir_priv *priv = platform_get_drvdata(pdev);

	spi_unregister_controller(priv->ctlr);
	writel(SPIR_CTRL_SRST, priv->base + SPIR_CTRL);
	clk_disable_unprepare(priv->clk);
	return 0;
}

static const struct of_device_id spir_of_match[] = {
	{ .compatible = "vendor,spir" },
	{ }
};
MODULE_DEVICE_TABLE(of, spir_of_match);

static struct platform_driver spir_driver = {
	.probe = spir_probe,
	.remove = spir_remove,
	.driver = {
		.name = "spir",
		.of_match_table = spir_of_match,
	},
};
module_platform_driver(spir_driver);

MODULE_LICENSE("GPL");
