// SPDX-License-Identifier: GPL-2.0
/* The next checked call after mutex_init() leaves with its own code
 * (`{ ret = -EIO; goto err_destroy; }`).  The check devmify adds after devm_mutex_init()
 * copies where that exit goes, not its code: once the ladder is gone it is
 * `if (ret) return ret;`, so an -ENOMEM from devm_mutex_init() is not reported as -EIO. */
#include <linux/hwmon.h>
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#define THMX_REG_CONF		0x01
#define THMX_REG_TEMP		0x02
#define THMX_REG_PTR		0x03
#define THMX_CONF_DEFAULT	0x60

struct thmx_priv {
	struct i2c_client *client;
	struct mutex lock;	/* serialises the pointer write and the read */
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

	mutex_lock(&priv->lock);
	ret = i2c_smbus_write_byte_data(priv->client, THMX_REG_PTR, channel);
	if (!ret)
		ret = i2c_smbus_read_byte_data(priv->client, THMX_REG_TEMP);
	mutex_unlock(&priv->lock);
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
	struct thmx_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->client = client;

	mutex_init(&priv->lock);
	i2c_set_clientdata(client, priv);

	ret = i2c_smbus_write_byte_data(client, THMX_REG_CONF, THMX_CONF_DEFAULT);
	if (ret) {
		dev_err(&client->dev, "cannot configure sensor: %d\n", ret);
		ret = -EIO;
		goto err_destroy;
	}

	priv->hwmon_dev = hwmon_device_register_with_info(&client->dev, "thmx", priv,
							  &thmx_chip, NULL);
	if (IS_ERR(priv->hwmon_dev)) {
		ret = PTR_ERR(priv->hwmon_dev);
		goto err_destroy;
	}

	return 0;

err_destroy:
	mutex_destroy(&priv->lock);
	kfree(priv);
	return ret;
}

static void thmx_remove(struct i2c_client *client)
{
	struct thmx_priv *priv = i2c_get_clientdata(client);

	hwmon_device_unregister(priv->hwmon_dev);
	mutex_destroy(&priv->lock);
	kfree(priv);
}

static struct i2c_driver thmx_driver = {
	.probe_new = thmx_probe,
	.remove = thmx_remove,
	.driver = {
		.name = "thmx",
	},
};
module_i2c_driver(thmx_driver);

MODULE_LICENSE("GPL");
