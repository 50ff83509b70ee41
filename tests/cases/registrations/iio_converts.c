// SPDX-License-Identifier: GPL-2.0
/* Converts: iio_device_alloc() becomes devm_iio_device_alloc(), and so
 * iio_device_register() can become devm_iio_device_register(); the ladder and
 * remove() go. */
#include <linux/i2c.h>
#include <linux/iio/iio.h>
#include <linux/module.h>

#define ADCX_REG_RESULT(ch)	(0x10 + (ch))
#define ADCX_REG_ID		0x00
#define ADCX_ID			0x5a

struct adcx_state {
	struct i2c_client *client;
};

static int adcx_read_raw(struct iio_dev *indio_dev, struct iio_chan_spec const *chan,
			 int *val, int *val2, long mask)
{
	struct adcx_state *st = iio_priv(indio_dev);
	int ret;

	if (mask != IIO_CHAN_INFO_RAW)
		return -EINVAL;

	ret = i2c_smbus_read_byte_data(st->client, ADCX_REG_RESULT(chan->channel));
	if (ret < 0)
		return ret;
	*val = ret;
	return IIO_VAL_INT;
}

static const struct iio_info adcx_info = {
	.read_raw = adcx_read_raw,
};

static int adcx_probe(struct i2c_client *client)
{
	struct iio_dev *indio_dev;
	struct adcx_state *st;
	int ret;

	indio_dev = iio_device_alloc(&client->dev, sizeof(*st));
	if (!indio_dev)
		return -ENOMEM;

	st = iio_priv(indio_dev);
	st->client = client;

	ret = i2c_smbus_read_byte_data(client, ADCX_REG_ID);
	if (ret != ADCX_ID) {
		dev_err(&client->dev, "unexpected id %d\n", ret);
		ret = -ENODEV;
		goto err_free;
	}

	indio_dev->name = "adcx";
	indio_dev->info = &adcx_info;
	indio_dev->modes = INDIO_DIRECT_MODE;

	ret = iio_device_register(indio_dev);
	if (ret)
		goto err_free;

	i2c_set_clientdata(client, indio_dev);
	return 0;

err_free:
	iio_device_free(indio_dev);
	return ret;
}

static void adcx_remove(struct i2c_client *client)
{
	struct iio_dev *indio_dev = i2c_get_clientdata(client);

	iio_device_unregister(indio_dev);
	iio_device_free(indio_dev);
}

static const struct i2c_device_id adcx_id[] = {
	{ "adcx", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, adcx_id);

static struct i2c_driver adcx_driver = {
	.driver = {
		.name = "adcx",
	},
	.probe_new = adcx_probe,
	.remove = adcx_remove,
	.id_table = adcx_id,
};
module_i2c_driver(adcx_driver);

MODULE_LICENSE("GPL");
