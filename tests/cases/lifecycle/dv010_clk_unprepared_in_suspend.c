// SPDX-License-Identifier: GPL-2.0
/* Refusal: system suspend unprepares the clock and resume prepares it again, so the prepare
 * made in probe is not the only one: devm_clk_get_prepared() or a devm clk_unprepare() action
 * would unprepare it at unbind whatever state suspend left it in. clk_prepare() and its
 * clk_unprepare() calls stay (DV010); the lookup becomes devm_clk_get(), whose clk_put()
 * devres runs after remove() has unprepared the clock. The interrupt stays too (DV019): its
 * handler enables the clock, so it must be freed before the clock is unprepared by hand. */
#include <linux/clk.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define SNDX_CTRL	0x00
#define SNDX_DATA	0x08
#define SNDX_CTRL_START	0x1

struct sndx_priv {
	void __iomem *base;
	struct clk *clk;
	int irq;
	u32 last;
};

static irqreturn_t sndx_irq(int irq, void *data)
{
	struct sndx_priv *priv = data;

	if (clk_enable(priv->clk))
		return IRQ_NONE;
	priv->last = readl(priv->base + SNDX_DATA);
	clk_disable(priv->clk);
	return IRQ_HANDLED;
}

static int sndx_start(struct sndx_priv *priv)
{
	int ret;

	ret = clk_enable(priv->clk);
	if (ret)
		return ret;
	writel(SNDX_CTRL_START, priv->base + SNDX_CTRL);
	clk_disable(priv->clk);
	return 0;
}

static int sndx_probe(struct platform_device *pdev)
{
	struct sndx_priv *priv;
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

	priv->clk = clk_get(&pdev->dev, "ref");
	if (IS_ERR(priv->clk)) {
		ret = PTR_ERR(priv->clk);
		goto err_unmap;
	}

	ret = clk_prepare(priv->clk);
	if (ret)
		goto err_put;

	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0) {
		ret = priv->irq;
		goto err_unprepare;
	}
	ret = request_irq(priv->irq, sndx_irq, 0, "sndx", priv);
	if (ret)
		goto err_unprepare;

	ret = sndx_start(priv);
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

static int sndx_remove(struct platform_device *pdev)
{
	struct sndx_priv *priv = platform_get_drvdata(pdev);

	free_irq(priv->irq, priv);
	clk_unprepare(priv->clk);
	clk_put(priv->clk);
	iounmap(priv->base);
	kfree(priv);
	return 0;
}

static int sndx_suspend(struct device *dev)
{
	struct sndx_priv *priv = dev_get_drvdata(dev);

	clk_unprepare(priv->clk);
	return 0;
}

static int sndx_resume(struct device *dev)
{
	struct sndx_priv *priv = dev_get_drvdata(dev);

	return clk_prepare(priv->clk);
}

static const struct dev_pm_ops sndx_pm_ops = {
	.suspend = sndx_suspend,
	.resume = sndx_resume,
};

static struct platform_driver sndx_driver = {
	.probe = sndx_probe,
	.remove = sndx_remove,
	.driver = {
		.name = "sndx",
		.pm = &sndx_pm_ops,
	},
};
module_platform_driver(sndx_driver);

MODULE_LICENSE("GPL");
