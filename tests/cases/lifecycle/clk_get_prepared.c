// SPDX-License-Identifier: GPL-2.0
/* The clock is prepared once in probe and gated with clk_enable()/clk_disable() around each
 * register access, including from the interrupt handler where clk_prepare() could sleep.
 * Nothing but the lookup runs between clk_get() and clk_prepare(), so the two merge into
 * devm_clk_get_prepared(); the clk_enable()/clk_disable() pairs count enables, not
 * prepares, and stay. Every clk_unprepare() and clk_put() goes, and the interrupt, whose
 * handler uses the clock, converts too: devres frees it before unpreparing the clock. */
#include <linux/clk.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define TMRX_CTRL	0x00
#define TMRX_STATUS	0x04
#define TMRX_CTRL_EN	0x1

struct tmrx_priv {
	void __iomem *base;
	struct clk *clk;
	int irq;
	unsigned long ticks;
};

static irqreturn_t tmrx_irq(int irq, void *data)
{
	struct tmrx_priv *priv = data;
	u32 status;

	if (clk_enable(priv->clk))
		return IRQ_NONE;
	status = readl(priv->base + TMRX_STATUS);
	writel(status, priv->base + TMRX_STATUS);
	clk_disable(priv->clk);

	if (!status)
		return IRQ_NONE;
	priv->ticks++;
	return IRQ_HANDLED;
}

static int tmrx_start(struct tmrx_priv *priv)
{
	int ret;

	ret = clk_enable(priv->clk);
	if (ret)
		return ret;
	writel(TMRX_CTRL_EN, priv->base + TMRX_CTRL);
	clk_disable(priv->clk);
	return 0;
}

static int tmrx_probe(struct platform_device *pdev)
{
	struct tmrx_priv *priv;
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

	priv->clk = clk_get(&pdev->dev, "bus");
	if (IS_ERR(priv->clk)) {
		ret = PTR_ERR(priv->clk);
		goto err_unmap;
	}
	ret = clk_prepare(priv->clk);
	if (ret) {
		dev_err(&pdev->dev, "cannot prepare bus clock\n");
		goto err_put;
	}

	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0) {
		ret = priv->irq;
		goto err_unprepare;
	}
	ret = request_irq(priv->irq, tmrx_irq, 0, "tmrx", priv);
	if (ret)
		goto err_unprepare;

	ret = tmrx_start(priv);
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

static int tmrx_remove(struct platform_device *pdev)
{
	struct tmrx_priv *priv = platform_get_drvdata(pdev);

	free_irq(priv->irq, priv);
	clk_unprepare(priv->clk);
	clk_put(priv->clk);
	iounmap(priv->base);
	kfree(priv);
	return 0;
}

static struct platform_driver tmrx_driver = {
	.probe = tmrx_probe,
	.remove = tmrx_remove,
	.driver = {
		.name = "tmrx",
	},
};
module_platform_driver(tmrx_driver);

MODULE_LICENSE("GPL");
