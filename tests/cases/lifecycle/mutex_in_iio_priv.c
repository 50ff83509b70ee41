// SPDX-License-Identifier: GPL-2.0
/* The mutex lives in the IIO device's private area (st = iio_priv(indio_dev)), and the IIO
 * device comes from devm_iio_device_alloc() before mutex_init(): devres destroys the mutex
 * before it frees the memory around it, so mutex_init() becomes devm_mutex_init() with
 * `if (ret) return ret;`.  The reference supply's disable becomes a devm action, not
 * devm_regulator_get_enable(): read_raw() reads its voltage for the scale through st->vref.
 * With mutex_destroy() and regulator_disable() gone, iio_device_register() converts, the
 * `goto err` becomes `return ret` and remove() empties and goes; devres then unregisters,
 * destroys the mutex and switches the supply off in remove()'s order.  Before the fix
 * devmify did not see iio_priv(X) as inside X, refused the mutex (DV020) and with it the
 * registration (DV019). */
#include <linux/iio/iio.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/regulator/consumer.h>
#include <linux/spi/spi.h>

#define SDAC_RESOLUTION		12
#define SDAC_CMD_READBACK	0x80

struct sdac_state {
	struct spi_device *spi;
	struct regulator *vref;
	struct mutex lock;	/* keeps the readback command and its answer together */
};

static int sdac_read_raw(struct iio_dev *indio_dev, struct iio_chan_spec const *chan,
			 int *val, int *val2, long mask)
{
	struct sdac_state *st = iio_priv(indio_dev);
	u8 cmd = SDAC_CMD_READBACK;
	u8 buf[2];
	int ret;

	switch (mask) {
	case IIO_CHAN_INFO_RAW:
		mutex_lock(&st->lock);
		ret = spi_write(st->spi, &cmd, sizeof(cmd));
		if (!ret)
			ret = spi_read(st->spi, buf, sizeof(buf));
		mutex_unlock(&st->lock);
		if (ret)
			return ret;
		*val = (buf[0] << 8 | buf[1]) >> (16 - SDAC_RESOLUTION);
		return IIO_VAL_INT;
	case IIO_CHAN_INFO_SCALE:
		ret = regulator_get_voltage(st->vref);
		if (ret < 0)
			return ret;
		*val = ret / 1000;
		*val2 = SDAC_RESOLUTION;
		return IIO_VAL_FRACTIONAL_LOG2;
	default:
		return -EINVAL;
	}
}

static const struct iio_info sdac_info = {
	.read_raw = sdac_read_raw,
};

static int sdac_probe(struct spi_device *spi)
{
	struct device *dev = &spi->dev;
	struct iio_dev *indio_dev;
	struct sdac_state *st;
	int ret;

	indio_dev = devm_iio_device_alloc(dev, sizeof(*st));
	if (!indio_dev)
		return -ENOMEM;

	st = iio_priv(indio_dev);
	st->spi = spi;
	spi_set_drvdata(spi, indio_dev);

	indio_dev->name = "sdac";
	indio_dev->info = &sdac_info;
	indio_dev->modes = INDIO_DIRECT_MODE;

	st->vref = devm_regulator_get(dev, "vref");
	if (IS_ERR(st->vref))
		return dev_err_probe(dev, PTR_ERR(st->vref), "cannot get vref\n");

	ret = regulator_enable(st->vref);
	if (ret) {
		dev_err(dev, "cannot enable vref: %d\n", ret);
		return ret;
	}

	mutex_init(&st->lock);

	ret = iio_device_register(indio_dev);
	if (ret) {
		dev_err(dev, "cannot register iio device: %d\n", ret);
		goto err;
	}

	return 0;

err:
	mutex_destroy(&st->lock);
	regulator_disable(st->vref);
	return ret;
}

static void sdac_remove(struct spi_device *spi)
{
	struct iio_dev *indio_dev = spi_get_drvdata(spi);
	struct sdac_state *st = iio_priv(indio_dev);

	iio_device_unregister(indio_dev);
	mutex_destroy(&st->lock);
	regulator_disable(st->vref);
}

static const struct of_device_id sdac_of_match[] = {
	{ .compatible = "vendor,sdac" },
	{ }
};
MODULE_DEVICE_TABLE(of, sdac_of_match);

static struct spi_driver sdac_driver = {
	.driver = {
		.name = "sdac",
		.of_match_table = sdac_of_match,
	},
	.probe = sdac_probe,
	.remove = sdac_remove,
};
module_spi_driver(sdac_driver);

MODULE_LICENSE("GPL");
