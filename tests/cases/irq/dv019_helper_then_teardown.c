// SPDX-License-Identifier: GPL-2.0
/* Refusal: free_irq() sits in a stop helper that remove() calls; remove() then powers the
 * block down through another helper that writes its registers, which with
 * devm_request_irq() would happen while the handler is still installed (DV019 follows the
 * helper back to its caller). The clock's rate is set before it is enabled, so it does not
 * merge into devm_clk_get_enabled(); clk_disable_unprepare() becomes a devm action. */
#include <linux/clk.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define RNGX_CTRL	0x00
#define RNGX_OUT	0x08
#define RNGX_PWR	0x0c

struct rngx {
	void __iomem *base;
	struct clk *clk;
	int irq;
	u32 pool;
};

static irqreturn_t rngx_isr(int irq, void *data)
{
	struct rngx *rng = data;

	rng->pool ^= readl(rng->base + RNGX_OUT);
	return IRQ_HANDLED;
}

static void rngx_stop(struct rngx *rng)
{
	writel(0, rng->base + RNGX_CTRL);
	free_irq(rng->irq, rng);
}

static void rngx_power_down(struct rngx *rng)
{
	writel(0, rng->base + RNGX_PWR);
}

static int rngx_probe(struct platform_device *pdev)
{
	struct resource *res;
	struct rngx *rng;
	int ret;

	rng = devm_kzalloc(&pdev->dev, sizeof(*rng), GFP_KERNEL);
	if (!rng)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	rng->base = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!rng->base)
		return -ENOMEM;

	rng->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(rng->clk))
		return PTR_ERR(rng->clk);
	clk_set_rate(rng->clk, 32768);
	ret = clk_prepare_enable(rng->clk);
	if (ret)
		return ret;

	rng->irq = platform_get_irq(pdev, 0);
	if (rng->irq < 0) {
		ret = rng->irq;
		goto err_clk;
	}
	ret = request_irq(rng->irq, rngx_isr, 0, "rngx", rng);
	if (ret)
		goto err_clk;

	writel(1, rng->base + RNGX_CTRL);
	platform_set_drvdata(pdev, rng);
	return 0;

err_clk:
	clk_disable_unprepare(rng->clk);
	return ret;
}

static int rngx_remove(struct platform_device *pdev)
{
	struct rngx *rng = platform_get_drvdata(pdev);

	rngx_stop(rng);
	rngx_power_down(rng);
	clk_disable_unprepare(rng->clk);
	return 0;
}

static struct platform_driver rngx_driver = {
	.probe = rngx_probe,
	.remove = rngx_remove,
	.driver = {
		.name = "rngx",
	},
};
module_platform_driver(rngx_driver);

MODULE_LICENSE("GPL");
