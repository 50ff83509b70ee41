// SPDX-License-Identifier: GPL-2.0
/* Refusal: pm_runtime_enable() is the last thing probe does before `return 0;`. Its managed
 * form can fail, but no checked call follows it, so there is no exit to copy into the
 * `if (ret)` that devm_pm_runtime_enable() would need. pm_runtime_enable() and the
 * pm_runtime_disable() in remove() stay (DV020); the private data converts, and devres frees
 * it after remove() has disabled runtime PM, so the runtime callbacks never see it freed. */
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>

#define TCHX_REG_ID		0x00
#define TCHX_REG_MODE		0x01
#define TCHX_MODE_SCAN		0x02
#define TCHX_MODE_SLEEP		0x00

struct tchx_priv {
	struct i2c_client *client;
	u8 id;
};

static int tchx_probe(struct i2c_client *client)
{
	struct tchx_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->client = client;

	ret = i2c_smbus_read_byte_data(client, TCHX_REG_ID);
	if (ret < 0)
		goto err_free;
	priv->id = ret;

	ret = i2c_smbus_write_byte_data(client, TCHX_REG_MODE, TCHX_MODE_SCAN);
	if (ret)
		goto err_free;

	i2c_set_clientdata(client, priv);
	dev_info(&client->dev, "touch controller %#x\n", priv->id);
	pm_runtime_set_active(&client->dev);
	pm_runtime_enable(&client->dev);
	return 0;

err_free:
	kfree(priv);
	return ret;
}

static void tchx_remove(struct i2c_client *client)
{
	struct tchx_priv *priv = i2c_get_clientdata(client);

	pm_runtime_disable(&client->dev);
	kfree(priv);
}

static int __maybe_unused tchx_runtime_suspend(struct device *dev)
{
	struct tchx_priv *priv = dev_get_drvdata(dev);

	return i2c_smbus_write_byte_data(priv->client, TCHX_REG_MODE, TCHX_MODE_SLEEP);
}

static int __maybe_unused tchx_runtime_resume(struct device *dev)
{
	struct tchx_priv *priv = dev_get_drvdata(dev);

	return i2c_smbus_write_byte_data(priv->client, TCHX_REG_MODE, TCHX_MODE_SCAN);
}

static const struct dev_pm_ops tchx_pm_ops = {
	SET_RUNTIME_PM_OPS(tchx_runtime_suspend, tchx_runtime_resume, NULL)
};

static struct i2c_driver tchx_driver = {
	.probe_new = tchx_probe,
	.remove = tchx_remove,
	.driver = {
		.name = "tchx",
		.pm = &tchx_pm_ops,
	},
};
module_i2c_driver(tchx_driver);

MODULE_LICENSE("GPL");
