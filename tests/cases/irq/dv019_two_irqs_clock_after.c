// SPDX-License-Identifier: GPL-2.0
/* Refusal: two IRQs, and the clock is disabled after both free_irq() calls: each is
 * refused for the clock, not for the other IRQ.
 * Suspend and resume switch the clock too, so its enable count is not the device's
 * lifetime: it cannot become managed (DV010) and the clock stays gated by hand. */
#include <linux/clk.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct uartx {
	struct clk *clk;
	int rx_irq;
	int tx_irq;
	unsigned int rx, tx;
};

static irqreturn_t uartx_rx_isr(int irq, void *data)
{
	struct uartx *up = data;

	up->rx++;
	return IRQ_HANDLED;
}

static irqreturn_t uartx_tx_isr(int irq, void *data)
{
	struct uartx *up = data;

	up->tx++;
	return IRQ_HANDLED;
}

static int uartx_probe(struct platform_device *pdev)
{
	struct uartx *up;
	int ret;

	up = devm_kzalloc(&pdev->dev, sizeof(*up), GFP_KERNEL);
	if (!up)
		return -ENOMEM;

	up->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(up->clk))
		return PTR_ERR(up->clk);
	ret = clk_prepare_enable(up->clk);
	if (ret)
		return ret;

	up->rx_irq = platform_get_irq(pdev, 0);
	up->tx_irq = platform_get_irq(pdev, 1);
	if (up->rx_irq < 0 || up->tx_irq < 0) {
		ret = -ENODEV;
		goto err_clk;
	}

	ret = request_irq(up->rx_irq, uartx_rx_isr, 0, "uartx-rx", up);
	if (ret)
		goto err_clk;
	ret = request_irq(up->tx_irq, uartx_tx_isr, 0, "uartx-tx", up);
	if (ret)
		goto err_rx;

	platform_set_drvdata(pdev, up);
	return 0;

err_rx:
	free_irq(up->rx_irq, up);
err_clk:
	clk_disable_unprepare(up->clk);
	return ret;
}

static int uartx_remove(struct platform_device *pdev)
{
	struct uartx *up = platform_get_drvdata(pdev);

	free_irq(up->tx_irq, up);
	free_irq(up->rx_irq, up);
	clk_disable_unprepare(up->clk);
	return 0;
}

static int uartx_suspend(struct device *dev)
{
	struct uartx *up = dev_get_drvdata(dev);

	clk_disable_unprepare(up->clk);
	return 0;
}

static int uartx_resume(struct device *dev)
{
	struct uartx *up = dev_get_drvdata(dev);

	return clk_prepare_enable(up->clk);
}

static const struct dev_pm_ops uartx_pm_ops = {
	.suspend = uartx_suspend,
	.resume = uartx_resume,
};

static struct platform_driver uartx_driver = {
	.probe = uartx_probe,
	.remove = uartx_remove,
	.driver = {
		.name = "uartx",
		.pm = &uartx_pm_ops,
	},
};
module_platform_driver(uartx_driver);

MODULE_LICENSE("GPL");
