// SPDX-License-Identifier: GPL-2.0
/* regulator_get() becomes devm_regulator_get(); probe also reads the supply's voltage through
 * priv->vdd, so devm_regulator_get_enable(), which keeps no handle, cannot replace the pair:
 * regulator_disable() moves into a devm_add_action_or_reset() action registered right after
 * the enable, taking the check's own exit. */
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/regulator/consumer.h>
#include <linux/slab.h>

struct alsx_priv {
	struct i2c_client *client;
	struct regulator *vdd;
	int vdd_uv;
};

static int alsx_probe(struct i2c_client *client)
{
	struct alsx_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->client = client;

	priv->vdd = regulator_get(&client->dev, "vdd");
	if (IS_ERR(priv->vdd)) {
		ret = PTR_ERR(priv->vdd);
		goto err_free;
	}

	ret = regulator_enable(priv->vdd);
	if (ret) {
		dev_err(&client->dev, "cannot enable vdd\n");
		goto err_put;
	}

	ret = regulator_get_voltage(priv->vdd);
	if (ret < 0)
		goto err_disable;
	priv->vdd_uv = ret;

	ret = i2c_smbus_read_byte_data(client, 0x00);
	if (ret < 0)
		goto err_disable;

	i2c_set_clientdata(client, priv);
	return 0;

err_disable:
	regulator_disable(priv->vdd);
err_put:
	regulator_put(priv->vdd);
err_free:
	kfree(priv);
	return ret;
}

static void alsx_remove(struct i2c_client *client)
{
	struct alsx_priv *priv = i2c_get_clientdata(client);

	regulator_disable(priv->vdd);
	regulator_put(priv->vdd);
	kfree(priv);
}

static struct i2c_driver alsx_driver = {
	.probe_new = alsx_probe,
	.remove = alsx_remove,
	.driver = {
		.name = "alsx",
	},
};
module_i2c_driver(alsx_driver);

MODULE_LICENSE("GPL");
