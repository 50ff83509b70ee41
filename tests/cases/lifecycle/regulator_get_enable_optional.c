// SPDX-License-Identifier: GPL-2.0
/* regulator_get_optional() + regulator_enable() become one devm_regulator_get_enable_optional()
 * in the enable's place: priv->vref only keeps the reference supply on (no voltage read, no
 * disable in suspend) and the enable's check passes ret on unchanged, so the lookup's
 * -EPROBE_DEFER still comes out. This driver fails probe when the supply is absent, and so
 * does the merged call (-ENODEV). The handle's struct member stays, unused. */
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/regulator/consumer.h>
#include <linux/slab.h>

#define DACX_REG_CTRL		0x00
#define DACX_CTRL_EXT_REF	0x10

struct dacx_priv {
	struct i2c_client *client;
	struct regulator *vref;
};

static int dacx_probe(struct i2c_client *client)
{
	struct dacx_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->client = client;

	priv->vref = regulator_get_optional(&client->dev, "vref");
	if (IS_ERR(priv->vref)) {
		ret = PTR_ERR(priv->vref);
		goto err_free;
	}

	ret = regulator_enable(priv->vref);
	if (ret)
		goto err_put;

	ret = i2c_smbus_write_byte_data(client, DACX_REG_CTRL, DACX_CTRL_EXT_REF);
	if (ret)
		goto err_disable;

	i2c_set_clientdata(client, priv);
	return 0;

err_disable:
	regulator_disable(priv->vref);
err_put:
	regulator_put(priv->vref);
err_free:
	kfree(priv);
	return ret;
}

static void dacx_remove(struct i2c_client *client)
{
	struct dacx_priv *priv = i2c_get_clientdata(client);

	regulator_disable(priv->vref);
	regulator_put(priv->vref);
	kfree(priv);
}

static struct i2c_driver dacx_driver = {
	.probe_new = dacx_probe,
	.remove = dacx_remove,
	.driver = {
		.name = "dacx",
	},
};
module_i2c_driver(dacx_driver);

MODULE_LICENSE("GPL");
