// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV019, power-down order): the clock stays by hand (runtime PM switches it too:
 * DV020), enabled before the supply and disabled after it, in remove() and on the error
 * ladder.  As a devm action (or devm_regulator_get_enable()), regulator_disable() would run
 * after remove() has already stopped the clock: the supply would go off last, reversing the
 * power-down order the driver wrote.  regulator_enable() stays; the lookup still converts. */
#include <linux/clk.h>
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/pm_runtime.h>
#include <linux/regulator/consumer.h>
#include <linux/slab.h>

struct alsx_priv {
	struct i2c_client *client;
	struct regulator *vdd;
	struct clk *clk;
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

	priv->clk = devm_clk_get(&client->dev, NULL);
	if (IS_ERR(priv->clk)) {
		ret = PTR_ERR(priv->clk);
		goto err_put;
	}
	ret = clk_prepare_enable(priv->clk);
	if (ret)
		goto err_put;

	ret = regulator_enable(priv->vdd);
	if (ret) {
		dev_err(&client->dev, "cannot enable vdd\n");
		goto err_clk;
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

static int __maybe_unused alsx_runtime_suspend(struct device *dev)
{
	struct alsx_priv *priv = dev_get_drvdata(dev);

	clk_disable(priv->clk);
	return 0;
}

static int __maybe_unused alsx_runtime_resume(struct device *dev)
{
	struct alsx_priv *priv = dev_get_drvdata(dev);

	return clk_enable(priv->clk);
}

static const struct dev_pm_ops alsx_pm_ops = {
	SET_RUNTIME_PM_OPS(alsx_runtime_suspend, alsx_runtime_resume, NULL)
};

static struct i2c_driver alsx_driver = {
	.probe_new = alsx_probe,
	.remove = alsx_remove,
	.driver = {
		.name = "alsx",
		.pm = &alsx_pm_ops,
	},
};
module_i2c_driver(alsx_driver);

MODULE_LICENSE("GPL");
