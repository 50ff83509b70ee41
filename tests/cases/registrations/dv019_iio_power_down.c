// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV019): remove() powers the converter down over I2C after
 * iio_device_unregister(), so the registration stays; the IIO device itself still becomes
 * devm_iio_device_alloc(), freed by devres after remove() has unregistered it. The
 * reference supply's handle serves nothing but its enable, so it becomes
 * devm_regulator_get_enable(), switched off by devres after the power-down write. */
#include <linux/i2c.h>
#include <linux/iio/iio.h>
#include <linux/module.h>
#include <linux/regulator/consumer.h>

#define VADC_REG_RESULT(ch)	(0x10 + (ch))
#define VADC_REG_ID		0x00
#define VADC_ID			0x5a

struct vadc_state {
	struct i2c_client *client;
	struct regulator *vref;
};

static int vadc_read_raw(struct iio_dev *indio_dev, struct iio_chan_spec const *chan,
			 int *val, int *val2, long mask)
{
	struct vadc_state *st = iio_priv(indio_dev);
	int ret;

	if (mask != IIO_CHAN_INFO_RAW)
		return -EINVAL;

	ret = i2c_smbus_read_byte_data(st->client, VADC_REG_RESULT(chan->channel));
	if (ret < 0)
		return ret;
	*val = ret;
	return IIO_VAL_INT;
}

static const struct iio_info vadc_info = {
	.read_raw = vadc_read_raw,
};

static int vadc_probe(struct i2c_client *client)
{
	struct iio_dev *indio_dev;
	struct vadc_state *st;
	int ret;

	indio_dev = iio_device_alloc(&client->dev, sizeof(*st));
	if (!indio_dev)
		return -ENOMEM;

	st = iio_priv(indio_dev);
	st->client = client;

	st->vref = devm_regulator_get(&client->dev, "vref");
	if (IS_ERR(st->vref)) {
		ret = PTR_ERR(st->vref);
		goto err_free;
	}
	ret = regulator_enable(st->vref);
	if (ret)
		goto err_free;

	ret = i2c_smbus_read_byte_data(client, VADC_REG_ID);
	if (ret != VADC_ID) {
		dev_err(&client->dev, "unexpected id %d\n", ret);
		ret = -ENODEV;
		goto err_disable;
	}

	indio_dev->name = "vadc";
	indio_dev->info = &vadc_info;
	indio_dev->modes = INDIO_DIRECT_MODE;

	ret = iio_device_register(indio_dev);
	if (ret)
		goto err_disable;

	i2c_set_clientdata(client, indio_dev);
	return 0;

err_disable:
	regulator_disable(st->vref);
err_free:
	iio_device_free(indio_dev);
	return ret;
}

static void vadc_remove(struct i2c_client *client)
{
	struct iio_dev *indio_dev = i2c_get_clientdata(client);
	struct vadc_state *st = iio_priv(indio_dev);

	iio_device_unregister(indio_dev);
	i2c_smbus_write_byte_data(client, 0x00, 0x00);	/* power the converter down */
	regulator_disable(st->vref);
	iio_device_free(indio_dev);
}

static const struct i2c_device_id vadc_id[] = {
	{ "vadc", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, vadc_id);

static struct i2c_driver vadc_driver = {
	.driver = {
		.name = "vadc",
	},
	.probe_new = vadc_probe,
	.remove = vadc_remove,
	.id_table = vadc_id,
};
module_i2c_driver(vadc_driver);

MODULE_LICENSE("GPL");
