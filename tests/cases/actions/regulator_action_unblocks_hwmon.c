// SPDX-License-Identifier: GPL-2.0
/* Nearest safe case for DV019: remove() switched the supply off after unregistering, but
 * that disable moves into a devm action registered before the hwmon device, so devres
 * runs it after unregistering and the registration converts too. An action, not
 * devm_regulator_get_enable(): the read callback reports the supply's voltage through
 * priv->vdd, so the driver must keep the handle. */
#include <linux/hwmon.h>
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/regulator/consumer.h>
#include <linux/slab.h>

#define PWRT_REG_TEMP	0x01

struct pwrt_priv {
	struct i2c_client *client;
	struct regulator *vdd;
	struct device *hwmon_dev;
};

static umode_t pwrt_is_visible(const void *data, enum hwmon_sensor_types type,
			       u32 attr, int channel)
{
	return 0444;
}

static int pwrt_read(struct device *dev, enum hwmon_sensor_types type, u32 attr,
		     int channel, long *val)
{
	struct pwrt_priv *priv = dev_get_drvdata(dev);
	int ret;

	if (type == hwmon_in) {
		ret = regulator_get_voltage(priv->vdd);
		if (ret < 0)
			return ret;
		*val = ret / 1000;
		return 0;
	}

	ret = i2c_smbus_read_byte_data(priv->client, PWRT_REG_TEMP);
	if (ret < 0)
		return ret;
	*val = ret * 500;
	return 0;
}

static const struct hwmon_ops pwrt_ops = {
	.is_visible = pwrt_is_visible,
	.read = pwrt_read,
};

static const struct hwmon_chip_info pwrt_chip = {
	.ops = &pwrt_ops,
};

static int pwrt_probe(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct pwrt_priv *priv;
	int ret;

	priv = devm_kzalloc(dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->client = client;

	priv->vdd = devm_regulator_get(dev, "vdd");
	if (IS_ERR(priv->vdd))
		return PTR_ERR(priv->vdd);

	ret = regulator_enable(priv->vdd);
	if (ret)
		return ret;

	priv->hwmon_dev = hwmon_device_register_with_info(dev, "pwrt", priv,
							  &pwrt_chip, NULL);
	if (IS_ERR(priv->hwmon_dev)) {
		ret = PTR_ERR(priv->hwmon_dev);
		goto err_disable;
	}

	i2c_set_clientdata(client, priv);
	return 0;

err_disable:
	regulator_disable(priv->vdd);
	return ret;
}

static void pwrt_remove(struct i2c_client *client)
{
	struct pwrt_priv *priv = i2c_get_clientdata(client);

	hwmon_device_unregister(priv->hwmon_dev);
	regulator_disable(priv->vdd);
}

static const struct i2c_device_id pwrt_id[] = {
	{ "pwrt", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, pwrt_id);

static struct i2c_driver pwrt_driver = {
	.driver = {
		.name = "pwrt",
	},
	.probe_new = pwrt_probe,
	.remove = pwrt_remove,
	.id_table = pwrt_id,
};
module_i2c_driver(pwrt_driver);

MODULE_LICENSE("GPL");
