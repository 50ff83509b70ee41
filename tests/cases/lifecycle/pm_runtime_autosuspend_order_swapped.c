// SPDX-License-Identifier: GPL-2.0
/* As pm_runtime_enable_autosuspend, with the other common order in remove() and on the
 * error path: pm_runtime_disable() first, then pm_runtime_dont_use_autosuspend().
 * devm_pm_runtime_enable()'s own action does both, so both go and nothing by hand runs
 * after the old disable: the conversion (and the hwmon registration after it) is safe. */
#include <linux/hwmon.h>
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>

#define PRSX_REG_ID		0x00
#define PRSX_REG_CTRL		0x01
#define PRSX_REG_PRESS		0x02
#define PRSX_CHIP_ID		0x5a
#define PRSX_CTRL_ON		0x01

struct prsx_priv {
	struct i2c_client *client;
	struct device *hwmon_dev;
};

static umode_t prsx_is_visible(const void *data, enum hwmon_sensor_types type,
			       u32 attr, int channel)
{
	return 0444;
}

static int prsx_read(struct device *dev, enum hwmon_sensor_types type, u32 attr,
		     int channel, long *val)
{
	struct prsx_priv *priv = dev_get_drvdata(dev);
	struct device *parent = &priv->client->dev;
	int ret;

	ret = pm_runtime_resume_and_get(parent);
	if (ret)
		return ret;
	ret = i2c_smbus_read_byte_data(priv->client, PRSX_REG_PRESS);
	pm_runtime_mark_last_busy(parent);
	pm_runtime_put_autosuspend(parent);
	if (ret < 0)
		return ret;
	*val = ret * 100;
	return 0;
}

static const struct hwmon_ops prsx_ops = {
	.is_visible = prsx_is_visible,
	.read = prsx_read,
};

static const struct hwmon_chip_info prsx_chip = {
	.ops = &prsx_ops,
};

static int prsx_probe(struct i2c_client *client)
{
	struct prsx_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->client = client;

	ret = i2c_smbus_read_byte_data(client, PRSX_REG_ID);
	if (ret < 0)
		goto err_free;
	if (ret != PRSX_CHIP_ID) {
		dev_err(&client->dev, "unknown chip id %#x\n", ret);
		ret = -ENODEV;
		goto err_free;
	}

	i2c_set_clientdata(client, priv);
	pm_runtime_set_active(&client->dev);
	pm_runtime_enable(&client->dev);
	pm_runtime_set_autosuspend_delay(&client->dev, 2000);
	pm_runtime_use_autosuspend(&client->dev);

	ret = i2c_smbus_write_byte_data(client, PRSX_REG_CTRL, PRSX_CTRL_ON);
	if (ret)
		goto err_pm;

	priv->hwmon_dev = hwmon_device_register_with_info(&client->dev, "prsx", priv,
							  &prsx_chip, NULL);
	if (IS_ERR(priv->hwmon_dev)) {
		ret = PTR_ERR(priv->hwmon_dev);
		goto err_pm;
	}

	return 0;

err_pm:
	pm_runtime_disable(&client->dev);
	pm_runtime_dont_use_autosuspend(&client->dev);
err_free:
	kfree(priv);
	return ret;
}

static void prsx_remove(struct i2c_client *client)
{
	struct prsx_priv *priv = i2c_get_clientdata(client);

	hwmon_device_unregister(priv->hwmon_dev);
	pm_runtime_disable(&client->dev);
	pm_runtime_dont_use_autosuspend(&client->dev);
	kfree(priv);
}

static int __maybe_unused prsx_runtime_suspend(struct device *dev)
{
	struct i2c_client *client = to_i2c_client(dev);

	return i2c_smbus_write_byte_data(client, PRSX_REG_CTRL, 0);
}

static int __maybe_unused prsx_runtime_resume(struct device *dev)
{
	struct i2c_client *client = to_i2c_client(dev);

	return i2c_smbus_write_byte_data(client, PRSX_REG_CTRL, PRSX_CTRL_ON);
}

static const struct dev_pm_ops prsx_pm_ops = {
	SET_RUNTIME_PM_OPS(prsx_runtime_suspend, prsx_runtime_resume, NULL)
};

static struct i2c_driver prsx_driver = {
	.probe_new = prsx_probe,
	.remove = prsx_remove,
	.driver = {
		.name = "prsx",
		.pm = &prsx_pm_ops,
	},
};
module_i2c_driver(prsx_driver);

MODULE_LICENSE("GPL");
