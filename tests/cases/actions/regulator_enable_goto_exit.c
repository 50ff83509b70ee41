// SPDX-License-Identifier: GPL-2.0
/* The action's check copies the enable's own exit: here a goto, because the clock enabled
 * before stays by hand (its rate is set first) and must still be unwound. */
#include <linux/clk.h>
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/regulator/consumer.h>
#include <linux/slab.h>

struct alsx_priv {
	struct i2c_client *client;
	struct regulator *vdd;
	struct clk *clk;
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

	priv->clk = devm_clk_get(&client->dev, NULL);
	if (IS_ERR(priv->clk)) {
		ret = PTR_ERR(priv->clk);
		goto err_put;
	}
	clk_set_rate(priv->clk, 24000000);
	ret = clk_prepare_enable(priv->clk);
	if (ret)
		goto err_put;

	ret = regulator_enable(priv->vdd);
	if (ret) {
		dev_err(&client->dev, "cannot enable vdd\n");
		goto err_clk;
	}

	ret = i2c_smbus_read_byte_data(client, 0x00);
	if (ret < 0)
		goto err_disable;

	i2c_set_clientdata(client, priv);
	return 0;

err_disable:
	regulator_disable(priv->vdd);
err_clk:
	clk_disable_unprepare(priv->clk);
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
	clk_disable_unprepare(priv->clk);
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
