// SPDX-License-Identifier: GPL-2.0
/* i2c_add_adapter() on an adapter embedded in the private data becomes
 * devm_i2c_add_adapter(&pdev->dev, &priv->adap).  Everything master_xfer() and the IRQ
 * handler use is acquired before the adapter is added and released in remove() after
 * i2c_del_adapter(), and all of it converts: devm_kzalloc() (i2c_del_adapter() waits for
 * the adapter's device to be released, so it may live in devm memory),
 * devm_platform_ioremap_resource(), devm_clk_get_enabled() and devm_request_irq().
 * devres deletes the adapter first, then frees the IRQ, gates the clock and frees the
 * memory, as remove() did; the error ladder and remove() go. */
#include <linux/clk.h>
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define I2CX_CTRL	0x00
#define I2CX_STAT	0x04
#define I2CX_DATA	0x08
#define I2CX_CTRL_EN	BIT(0)
#define I2CX_CTRL_IEN	BIT(1)

struct i2cx_priv {
	void __iomem *base;
	struct clk *clk;
	int irq;
	u32 status;
	struct i2c_adapter adap;
};

static irqreturn_t i2cx_isr(int irq, void *dev_id)
{
	struct i2cx_priv *priv = dev_id;

	priv->status = readl(priv->base + I2CX_STAT);
	if (!priv->status)
		return IRQ_NONE;
	writel(priv->status, priv->base + I2CX_STAT);
	return IRQ_HANDLED;
}

static int i2cx_xfer(struct i2c_adapter *adap, struct i2c_msg *msgs, int num)
{
	struct i2cx_priv *priv = i2c_get_adapdata(adap);
	int i, j;

	for (i = 0; i < num; i++)
		for (j = 0; j < msgs[i].len; j++)
			writel(msgs[i].buf[j], priv->base + I2CX_DATA);
	return num;
}

static u32 i2cx_func(struct i2c_adapter *adap)
{
	return I2C_FUNC_I2C | I2C_FUNC_SMBUS_EMUL;
}

static const struct i2c_algorithm i2cx_algo = {
	.master_xfer = i2cx_xfer,
	.functionality = i2cx_func,
};

static int i2cx_probe(struct platform_device *pdev)
{
	struct i2cx_priv *priv;
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

	writel(I2CX_CTRL_EN | I2CX_CTRL_IEN, priv->base + I2CX_CTRL);

	ret = request_irq(priv->irq, i2cx_isr, 0, "i2cx", priv);
	if (ret)
		goto err_disable_clk;

	priv->adap.owner = THIS_MODULE;
	priv->adap.algo = &i2cx_algo;
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

static int i2cx_remove(struct platform_device *pdev)
{
	struct i2cx_priv *priv = platform_get_drvdata(pdev);

	i2c_del_adapter(&priv->adap);
	free_irq(priv->irq, priv);
	clk_disable_unprepare(priv->clk);
	clk_put(priv->clk);
	kfree(priv);
	return 0;
}

static const struct of_device_id i2cx_of_match[] = {
	{ .compatible = "vendor,i2cx" },
	{ }
};
MODULE_DEVICE_TABLE(of, i2cx_of_match);

static struct platform_driver i2cx_driver = {
	.probe = i2cx_probe,
	.remove = i2cx_remove,
	.driver = {
		.name = "i2cx",
		.of_match_table = i2cx_of_match,
	},
};
module_platform_driver(i2cx_driver);

MODULE_LICENSE("GPL");
