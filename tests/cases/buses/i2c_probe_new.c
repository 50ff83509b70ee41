// SPDX-License-Identifier: GPL-2.0
/* An i2c driver registered with .probe_new: its kzalloc() goes devm on &client->dev. */
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/slab.h>

#define TMPX_REG_ID	0x0f

struct tmpx_data {
	struct i2c_client *client;
	int id;
};

static int tmpx_probe(struct i2c_client *client)
{
	struct tmpx_data *data;
	int ret;

	data = kzalloc(sizeof(*data), GFP_KERNEL);
	if (!data)
		return -ENOMEM;

	data->client = client;
	ret = i2c_smbus_read_byte_data(client, TMPX_REG_ID);
	if (ret < 0) {
		dev_err(&client->dev, "cannot read id: %d\n", ret);
		kfree(data);
		return ret;
	}
	data->id = ret;

	i2c_set_clientdata(client, data);
	return 0;
}

static void tmpx_remove(struct i2c_client *client)
{
	struct tmpx_data *data = i2c_get_clientdata(client);

	kfree(data);
}

static const struct i2c_device_id tmpx_id[] = {
	{ "tmpx", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, tmpx_id);

static struct i2c_driver tmpx_driver = {
	.driver = {
		.name = "tmpx",
	},
	.probe_new = tmpx_probe,
	.remove = tmpx_remove,
	.id_table = tmpx_id,
};
module_i2c_driver(tmpx_driver);

MODULE_LICENSE("GPL");
