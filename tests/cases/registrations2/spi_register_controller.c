// SPDX-License-Identifier: GPL-2.0
/* spi_register_controller() is the last thing probe() does and remove() only unregisters:
 * it becomes devm_spi_register_controller(&pdev->dev, ctlr) and remove() goes.  The
 * controller comes from spi_alloc_master() with the private data in its devdata; the
 * unregister drops the last reference to both, which devres now does at unbind.  The
 * error exits keep spi_controller_put(): the allocation is not converted, and a failed
 * devm_spi_register_controller() still leaves the reference with probe().  The registers
 * and the clock were devm already; devres releases them after the unregister. */
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/spi/spi.h>

#define SPIX_CTRL	0x00
#define SPIX_DIV	0x04
#define SPIX_DATA	0x08
#define SPIX_CS		0x0c
#define SPIX_CTRL_EN	BIT(0)

struct spix_priv {
	void __iomem *base;
	struct clk *clk;
};

static int spix_transfer_one(struct spi_controller *ctlr, struct spi_device *spi,
			     struct spi_transfer *xfer)
{
	struct spix_priv *priv = spi_controller_get_devdata(ctlr);
	const u8 *tx = xfer->tx_buf;
	u8 *rx = xfer->rx_buf;
	unsigned int i;

	writel(clk_get_rate(priv->clk) / xfer->speed_hz, priv->base + SPIX_DIV);
	writel(0, priv->base + SPIX_CS);
	for (i = 0; i < xfer->len; i++) {
		writel(tx ? tx[i] : 0, priv->base + SPIX_DATA);
		if (rx)
			rx[i] = readl(priv->base + SPIX_DATA);
	}
	writel(1, priv->base + SPIX_CS);
	return 0;
}

static int spix_probe(struct platform_device *pdev)
{
	struct spi_controller *ctlr;
	struct spix_priv *priv;
	int ret;

	ctlr = spi_alloc_master(&pdev->dev, sizeof(*priv));
	if (!ctlr)
		return -ENOMEM;
	priv = spi_controller_get_devdata(ctlr);

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base)) {
		ret = PTR_ERR(priv->base);
		goto err_put;
	}

	priv->clk = devm_clk_get_enabled(&pdev->dev, NULL);
	if (IS_ERR(priv->clk)) {
		ret = dev_err_probe(&pdev->dev, PTR_ERR(priv->clk), "no clock\n");
		goto err_put;
	}

	writel(SPIX_CTRL_EN, priv->base + SPIX_CTRL);

	ctlr->dev.of_node = pdev->dev.of_node;
	ctlr->bus_num = -1;
	ctlr->num_chipselect = 1;
	ctlr->mode_bits = SPI_CPOL | SPI_CPHA;
	ctlr->max_speed_hz = clk_get_rate(priv->clk) / 2;
	ctlr->transfer_one = spix_transfer_one;

	ret = spi_register_controller(ctlr);
	if (ret) {
		dev_err(&pdev->dev, "cannot register controller: %d\n", ret);
		goto err_put;
	}

	platform_set_drvdata(pdev, ctlr);
	return 0;

err_put:
	spi_controller_put(ctlr);
	return ret;
}

static int spix_remove(struct platform_device *pdev)
{
	struct spi_controller *ctlr = platform_get_drvdata(pdev);

	spi_unregister_controller(ctlr);
	return 0;
}

static const struct of_device_id spix_of_match[] = {
	{ .compatible = "vendor,spix" },
	{ }
};
MODULE_DEVICE_TABLE(of, spix_of_match);

static struct platform_driver spix_driver = {
	.probe = spix_probe,
	.remove = spix_remove,
	.driver = {
		.name = "spix",
		.of_match_table = spix_of_match,
	},
};
module_platform_driver(spix_driver);

MODULE_LICENSE("GPL");
