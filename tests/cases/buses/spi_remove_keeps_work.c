// SPDX-License-Identifier: GPL-2.0
/* An spi driver: the buffer goes devm on &spi->dev, remove() keeps its other work. */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spi/spi.h>

#define ADCX_BUF_LEN	64

struct adcx_state {
	struct spi_device *spi;
	u8 *rx;
};

static int adcx_probe(struct spi_device *spi)
{
	struct adcx_state *st;
	int ret;

	st = kzalloc(sizeof(*st), GFP_KERNEL);
	if (!st)
		return -ENOMEM;

	st->spi = spi;
	st->rx = kmalloc(ADCX_BUF_LEN, GFP_KERNEL);
	if (!st->rx) {
		ret = -ENOMEM;
		goto err_free_st;
	}

	spi->max_speed_hz = 1000000;
	ret = spi_setup(spi);
	if (ret)
		goto err_free_rx;

	pm_runtime_enable(&spi->dev);
	spi_set_drvdata(spi, st);
	return 0;

err_free_rx:
	kfree(st->rx);
err_free_st:
	kfree(st);
	return ret;
}

static void adcx_remove(struct spi_device *spi)
{
	struct adcx_state *st = spi_get_drvdata(spi);

	pm_runtime_disable(&spi->dev);
	kfree(st->rx);
	kfree(st);
}

static struct spi_driver adcx_driver = {
	.driver = {
		.name = "adcx",
	},
	.probe = adcx_probe,
	.remove = adcx_remove,
};
module_spi_driver(adcx_driver);

MODULE_LICENSE("GPL");
