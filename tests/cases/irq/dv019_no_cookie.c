// SPDX-License-Identifier: GPL-2.0
/* Refusal: a single-instance driver passes NULL as dev_id and keeps its state in
 * file-scope variables, so nothing bounds what the handler uses; remove() stops the
 * buzzer with a register write after free_irq(), which devm_request_irq() would reorder
 * (DV019). The clock's rate is set before it is enabled, so it does not merge into
 * devm_clk_get_enabled(); clk_disable_unprepare() becomes a devm action instead. */
#include <linux/clk.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>

#define BZR_CTRL	0x00
#define BZR_ACK		0x04

static void __iomem *bzr_base;
static struct clk *bzr_clk;
static int bzr_irq;
static unsigned int bzr_beeps;

static irqreturn_t bzr_isr(int irq, void *dev_id)
{
	writel(1, bzr_base + BZR_ACK);
	bzr_beeps++;
	return IRQ_HANDLED;
}

static int bzr_probe(struct platform_device *pdev)
{
	struct resource *res;
	int ret;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	bzr_base = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!bzr_base)
		return -ENOMEM;

	bzr_clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(bzr_clk))
		return PTR_ERR(bzr_clk);
	clk_set_rate(bzr_clk, 32768);
	ret = clk_prepare_enable(bzr_clk);
	if (ret)
		return ret;

	bzr_irq = platform_get_irq(pdev, 0);
	if (bzr_irq < 0) {
		ret = bzr_irq;
		goto err_clk;
	}
	ret = request_irq(bzr_irq, bzr_isr, 0, "bzr", NULL);
	if (ret)
		goto err_clk;
	return 0;

err_clk:
	clk_disable_unprepare(bzr_clk);
	return ret;
}

static int bzr_remove(struct platform_device *pdev)
{
	free_irq(bzr_irq, NULL);
	writel(0, bzr_base + BZR_CTRL);
	clk_disable_unprepare(bzr_clk);
	return 0;
}

static struct platform_driver bzr_driver = {
	.probe = bzr_probe,
	.remove = bzr_remove,
	.driver = {
		.name = "bzr",
	},
};
module_platform_driver(bzr_driver);

MODULE_LICENSE("GPL");
