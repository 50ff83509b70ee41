// SPDX-License-Identifier: GPL-2.0
/* Converts: hwmon_device_register_with_info() becomes its devm_ form with the same
 * arguments; hwmon_device_unregister() and kfree() leave remove(), which goes. */
#include <linux/hwmon.h>
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/slab.h>

#define THMX_REG_TEMP	0x00

struct thmx_priv {
	struct i2c_client *client;
	struct device *hwmon_dev;
};

static umode_t thmx_is_visible(const void *data, enum hwmon_sensor_types type,
			       u32 attr, int channel)
{
	return 0444;
}

static int thmx_read(struct device *dev, enum hwmon_sensor_types type, u32 attr,
		     int channel, long *val)
{
	struct thmx_priv *priv = dev_get_drvdata(dev);
	int ret;

	ret = i2c_smbus_read_byte_data(priv->client, THMX_REG_TEMP);
	if (ret < 0)
		return ret;
	*val = ret * 1000;
	return 0;
}

static const struct hwmon_ops thmx_ops = {
	.is_visible = thmx_is_visible,
	.read = thmx_read,
};

static const struct hwmon_chip_info thmx_chip = {
	.ops = &thmx_ops,
};

static int thmx_probe(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct thmx_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->client = client;

	priv->hwmon_dev = hwmon_device_register_with_info(dev, "thmx", priv,
							  &thmx_chip, NULL);
	if (IS_ERR(priv->hwmon_dev)) {
		ret = PTR_ERR(priv->hwmon_dev);
		goto err_free;
	}

	i2c_set_clientdata(client, priv);
	return 0;

err_free:
	kfree(priv);
	return ret;
}

static void thmx_remove(struct i2c_client *client)
{
	struct thmx_priv *priv = i2c_get_clientdata(client);

	hwmon_device_unregister(priv->hwmon_dev);
	kfree(priv);
}

static const struct i2c_device_id thmx_id[] = {
	{ "thmx", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, thmx_id);

static struct i2c_driver thmx_driver = {
	.driver = {
		.name = "thmx",
	},
	.probe_new = thmx_probe,
	.remove = thmx_remove,
	.id_table = thmx_id,
};
module_i2c_driver(thmx_driver);

MODULE_LICENSE("GPL");
