// SPDX-License-Identifier: GPL-2.0
/* Buffers allocated in a static helper that probe calls with its struct device. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define UARTX_RING	4096

struct uartx {
	u8 *rx_ring;
	u8 *tx_ring;
};

static int uartx_alloc_rings(struct device *dev, struct uartx *up)
{
	up->rx_ring = kzalloc(UARTX_RING, GFP_KERNEL);
	if (!up->rx_ring)
		return -ENOMEM;

	up->tx_ring = kzalloc(UARTX_RING, GFP_KERNEL);
	if (!up->tx_ring) {
		kfree(up->rx_ring);
		return -ENOMEM;
	}

	dev_info(dev, "rings ready\n");
	return 0;
}

static int uartx_probe(struct platform_device *pdev)
{
	struct uartx *up;
	int ret;

	up = devm_kzalloc(&pdev->dev, sizeof(*up), GFP_KERNEL);
	if (!up)
		return -ENOMEM;

	ret = uartx_alloc_rings(&pdev->dev, up);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, up);
	return 0;
}

static int uartx_remove(struct platform_device *pdev)
{
	struct uartx *up = platform_get_drvdata(pdev);

	kfree(up->tx_ring);
	kfree(up->rx_ring);
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
