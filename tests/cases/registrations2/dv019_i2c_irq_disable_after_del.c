// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV019): remove() writes the control register to switch the controller and
 * its interrupt off after i2c_del_adapter().  With devm_i2c_add_adapter() the adapter
 * would stay registered until devres runs after remove(), and client drivers could still
 * call master_xfer() on a disabled controller, so the adapter stays by hand.  The rest
 * converts as in i2c_add_adapter.c: the IRQ, the clock and the memory are released by
 * devres after remove() has deleted the adapter and written the register. */
#include <linux/clk.h>
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define I2CD_CTRL	0x00
#define I2CD_STAT	0x04
#define I2CD_DATA	0x08
#define I2CD_CTRL_EN	BIT(0)
#define I2CD_CTRL_IEN	BIT(1)

struct i2cd_priv {
	void __iomem *base;
	struct clk *clk;
	int irq;
	u32 status;
	struct i2c_adapter adap;
};

static irqreturn_t i2cd_isr(int irq, void *dev_id)
{
	struct i2cd_priv *priv = dev_id;

	priv->status = readl(priv->base + I2CD_STAT);
	if (!priv->status)
		return IRQ_NONE;
	writel(priv->status, priv->base + I2CD_STAT);
	return IRQ_HANDLED;
}

static int i2cd_xfer(struct i2c_adapter *adap, struct i2c_msg *msgs, int num)
{
	struct i2cd_priv *priv = i2c_get_adapdata(adap);
	int i, j;

	for (i = 0; i < num; i++)
		for (j = 0; j < msgs[i].len; j++)
			writel(msgs[i].buf[j], priv->base + I2CD_DATA);
	return num;
}

static u32 i2cd_func(struct i2c_adapter *adap)
{
	return I2C_FUNC_I2C | I2C_FUNC_SMBUS_EMUL;
}

static const struct i2c_algorithm i2cd_algo = {
	.master_xfer = i2cd_xfer,
	.functionality = i2cd_func,
};

static int i2cd_probe(struct platform_device *pdev)
{
	struct i2cd_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base)) {
		ret = PTR_ERR(priv->base);
		goto err_free;
	}

	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0) {
		ret = priv->irq;
		goto err_free;
	}

	priv->clk = clk_get(&pdev->dev, NULL);
	if (IS_ERR(priv->clk)) {
		ret = PTR_ERR(priv->clk);
		goto err_free;
	}
	ret = clk_prepare_enable(priv->clk);
	if (ret)
		goto err_put_clk;

	writel(I2CD_CTRL_EN | I2CD_CTRL_IEN, priv->base + I2CD_CTRL);

	ret = request_irq(priv->irq, i2cd_isr, 0, "i2cd", priv);
	if (ret)
		goto err_disable_clk;

	priv->adap.owner = THIS_MODULE;
	priv->adap.algo = &i2cd_algo;
	priv->adap.dev.parent = &pdev->dev;
	priv->adap.dev.of_node = pdev->dev.of_node;
	priv->adap.nr = pdev->id;
	i2c_set_adapdata(&priv->adap, priv);

	ret = i2c_add_adapter(&priv->adap);
	if (ret)
		goto err_free_irq;

	platform_set_drvdata(pdev, priv);
	return 0;

err_free_irq:
	free_irq(priv->irq, priv);
err_disable_clk:
	clk_disable_unprepare(priv->clk);
err_put_clk:
	clk_put(priv->clk);
err_free:
	kfree(priv);
	return ret;
}

static int i2cd_remove(struct platform_device *pdev)
{
	struct i2cd_priv *priv = platform_get_drvdata(pdev);

	i2c_del_adapter(&priv->adap);
	writel(0, priv->base + I2CD_CTRL);
	free_irq(priv->irq, priv);
	clk_disable_unprepare(priv->clk);
	clk_put(priv->clk);
	kfree(priv);
	return 0;
}

static const struct of_device_id i2cd_of_match[] = {
	{ .compatible = "vendor,i2cd" },
	{ }
};
MODULE_DEVICE_TABLE(of, i2cd_of_match);

static struct platform_driver i2cd_driver = {
	.probe = i2cd_probe,
	.remove = i2cd_remove,
	.driver = {
		.name = "i2cd",
		.of_match_table = i2cd_of_match,
	},
};
module_platform_driver(i2cd_driver);

MODULE_LICENSE("GPL");
