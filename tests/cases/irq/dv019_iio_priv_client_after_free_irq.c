// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV019): the thread handler clears the proximity interrupt by reading the alert
 * response address through an ancillary I2C client, iio_priv(indio_dev)->ara_client, and both
 * remove() and probe's error exit unregister that client by hand after free_irq().  The
 * cookie is indio_dev and the state iio_priv() returns lies inside it, so with
 * devm_request_threaded_irq() the handler could still run on the unregistered client: the
 * IRQ stays.  Before the fix devmify did not see iio_priv(X) as inside X and converted the
 * IRQ, a use-after-free.  iio_device_register() stays as well, since remove() unregisters
 * the client after iio_device_unregister().  The ancillary client has no managed form in
 * 6.1, so the output is the input.  Nearest safe case: iio_priv_dummy_client_converts, where
 * a devm_i2c_new_dummy_device() client goes after the IRQ. */
#include <linux/i2c.h>
#include <linux/iio/iio.h>
#include <linux/interrupt.h>
#include <linux/module.h>

#define PXSN_ARA_ADDR		0x0c	/* alert response address: reading it clears INT */
#define PXSN_REG_CONF		0x03
#define PXSN_REG_DATA		0x08
#define PXSN_CONF_INT_EN	0x0c
#define PXSN_NEAR		0x82

struct pxsn_state {
	struct i2c_client *client;
	struct i2c_client *ara_client;
	int near;
};

static irqreturn_t pxsn_irq_thread(int irq, void *data)
{
	struct iio_dev *indio_dev = data;
	struct pxsn_state *st = iio_priv(indio_dev);
	int ret;

	ret = i2c_smbus_read_byte(st->ara_client);
	if (ret < 0)
		return IRQ_NONE;
	st->near = ret == PXSN_NEAR;
	return IRQ_HANDLED;
}

static int pxsn_read_raw(struct iio_dev *indio_dev, struct iio_chan_spec const *chan,
			 int *val, int *val2, long mask)
{
	struct pxsn_state *st = iio_priv(indio_dev);
	int ret;

	if (mask != IIO_CHAN_INFO_RAW)
		return -EINVAL;
	ret = i2c_smbus_read_byte_data(st->client, PXSN_REG_DATA);
	if (ret < 0)
		return ret;
	*val = ret;
	return IIO_VAL_INT;
}

static const struct iio_info pxsn_info = {
	.read_raw = pxsn_read_raw,
};

static int pxsn_probe(struct i2c_client *client)
{
	struct iio_dev *indio_dev;
	struct pxsn_state *st;
	int ret;

	indio_dev = devm_iio_device_alloc(&client->dev, sizeof(*st));
	if (!indio_dev)
		return -ENOMEM;

	st = iio_priv(indio_dev);
	st->client = client;
	i2c_set_clientdata(client, indio_dev);

	st->ara_client = i2c_new_ancillary_device(client, "ara", PXSN_ARA_ADDR);
	if (IS_ERR(st->ara_client)) {
		dev_err(&client->dev, "cannot claim the alert response address\n");
		return PTR_ERR(st->ara_client);
	}

	ret = i2c_smbus_write_byte_data(client, PXSN_REG_CONF, PXSN_CONF_INT_EN);
	if (ret)
		goto err_unregister_ara;

	indio_dev->name = "pxsn";
	indio_dev->info = &pxsn_info;
	indio_dev->modes = INDIO_DIRECT_MODE;

	ret = request_threaded_irq(client->irq, NULL, pxsn_irq_thread, IRQF_ONESHOT,
				   "pxsn", indio_dev);
	if (ret) {
		dev_err(&client->dev, "cannot request irq %d\n", client->irq);
		goto err_unregister_ara;
	}

	ret = iio_device_register(indio_dev);
	if (ret)
		goto err_free_irq;

	return 0;

err_free_irq:
	free_irq(client->irq, indio_dev);
err_unregister_ara:
	i2c_unregister_device(st->ara_client);
	return ret;
}

static void pxsn_remove(struct i2c_client *client)
{
	struct iio_dev *indio_dev = i2c_get_clientdata(client);
	struct pxsn_state *st = iio_priv(indio_dev);

	iio_device_unregister(indio_dev);
	free_irq(client->irq, indio_dev);
	i2c_unregister_device(st->ara_client);
}

static const struct i2c_device_id pxsn_id[] = {
	{ "pxsn", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, pxsn_id);

static struct i2c_driver pxsn_driver = {
	.driver = {
		.name = "pxsn",
	},
	.probe_new = pxsn_probe,
	.remove = pxsn_remove,
	.id_table = pxsn_id,
};
module_i2c_driver(pxsn_driver);

MODULE_LICENSE("GPL");
