// SPDX-License-Identifier: GPL-2.0
/* Two IRQs share one cookie and remove() only frees both: freeing the other line takes
 * nothing from a handler, so both convert. */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct uartx {
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

	up->rx_irq = platform_get_irq(pdev, 0);
	up->tx_irq = platform_get_irq(pdev, 1);
	if (up->rx_irq < 0 || up->tx_irq < 0)
		return -ENODEV;

	ret = request_irq(up->rx_irq, uartx_rx_isr, 0, "uartx-rx", up);
	if (ret)
		return ret;
	ret = request_irq(up->tx_irq, uartx_tx_isr, 0, "uartx-tx", up);
	if (ret)
		goto err_rx;

	platform_set_drvdata(pdev, up);
	return 0;

err_rx:
	free_irq(up->rx_irq, up);
	return ret;
}

static int uartx_remove(struct platform_device *pdev)
{
	struct uartx *up = platform_get_drvdata(pdev);

	free_irq(up->tx_irq, up);
	free_irq(up->rx_irq, up);
	return 0;
}

static struct platform_driver uartx_driver = {
	.probe = uartx_probe,
	.remove = uartx_remove,
	.driver = {
		.name = "uartx",
	},
};
module_platform_driver(uartx_driver);

MODULE_LICENSE("GPL");
