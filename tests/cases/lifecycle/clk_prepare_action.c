// SPDX-License-Identifier: GPL-2.0
/* The clock's rate is set between its lookup and clk_prepare(), so the two cannot merge into
 * devm_clk_get_prepared(), which would prepare the clock before the rate is set: clk_get()
 * becomes devm_clk_get() and clk_unprepare() moves into a devm action registered right after
 * the prepare's check, the action's exit copied from it. The clk_enable()/clk_disable()
 * around each sample, also in the interrupt handler, stay: they count enables, not
 * prepares. */
#include <linux/clk.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define ADCX_CLK_RATE	12000000
#define ADCX_CTRL	0x00
#define ADCX_DATA	0x08
#define ADCX_CTRL_START	0x1

struct adcx_priv {
	void __iomem *base;
	struct clk *clk;
	int irq;
	u32 last;
};

static irqreturn_t adcx_irq(int irq, void *data)
{
	struct adcx_priv *priv = data;

	if (clk_enable(priv->clk))
		return IRQ_NONE;
	priv->last = readl(priv->base + ADCX_DATA);
	clk_disable(priv->clk);
	return IRQ_HANDLED;
}

static int adcx_start(struct adcx_priv *priv)
{
	int ret;

	ret = clk_enable(priv->clk);
	if (ret)
		return ret;
	writel(ADCX_CTRL_START, priv->base + ADCX_CTRL);
	clk_disable(priv->clk);
	return 0;
}

static int adcx_probe(struct platform_device *pdev)
{
	struct adcx_priv *priv;
	struct resource *res;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res) {
		ret = -EINVAL;
		goto err_free;
	}
	priv->base = ioremap(res->start, resource_size(res));
	if (!priv->base) {
		ret = -ENOMEM;
		goto err_free;
	}

	priv->clk = clk_get(&pdev->dev, "adc");
	if (IS_ERR(priv->clk)) {
		ret = PTR_ERR(priv->clk);
		goto err_unmap;
	}

	ret = clk_set_rate(priv->clk, ADCX_CLK_RATE);
	if (ret) {
		dev_err(&pdev->dev, "cannot set ADC clock rate\n");
		goto err_put;
	}

	ret = clk_prepare(priv->clk);
	if (ret)
		goto err_put;

	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0) {
		ret = priv->irq;
		goto err_unprepare;
	}
	ret = request_irq(priv->irq, adcx_irq, 0, "adcx", priv);
	if (ret)
		goto err_unprepare;

	ret = adcx_start(priv);
	if (ret)
		goto err_irq;

	platform_set_drvdata(pdev, priv);
	return 0;

err_irq:
	free_irq(priv->irq, priv);
err_unprepare:
	clk_unprepare(priv->clk);
err_put:
	clk_put(priv->clk);
err_unmap:
	iounmap(priv->base);
err_free:
	kfree(priv);
	return ret;
}

static int adcx_remove(struct platform_device *pdev)
{
	struct adcx_priv *priv = platform_get_drvdata(pdev);

	free_irq(priv->irq, priv);
	clk_unprepare(priv->clk);
	clk_put(priv->clk);
	iounmap(priv->base);
	kfree(priv);
	return 0;
}

static struct platform_driver adcx_driver = {
	.probe = adcx_probe,
	.remove = adcx_remove,
	.driver = {
		.name = "adcx",
	},
};
module_platform_driver(adcx_driver);

MODULE_LICENSE("GPL");
