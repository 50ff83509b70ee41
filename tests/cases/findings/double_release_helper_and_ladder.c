// SPDX-License-Identifier: GPL-2.0
/* Finding (double-release): dbh_free_buffers() frees the DMA buffer and the ladder
 * label below it frees it again when the FIFO setup fails.  Nothing converts: the buffer
 * is released in a helper that remove() shares, and devmify leaves such memory alone. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct dbh {
	u8 *rx_buf;
	int fifo;
};

static void dbh_free_buffers(struct dbh *d)
{
	kfree(d->rx_buf);
}

static int dbh_setup_fifo(struct dbh *d)
{
	return d->fifo ? 0 : -EIO;
}

static int dbh_probe(struct platform_device *pdev)
{
	struct dbh *d;
	int ret;

	d = devm_kzalloc(&pdev->dev, sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;

	d->rx_buf = kmalloc(256, GFP_KERNEL);
	if (!d->rx_buf)
		return -ENOMEM;

	ret = dbh_setup_fifo(d);
	if (ret) {
		dbh_free_buffers(d);
		goto err_buf;
	}

	platform_set_drvdata(pdev, d);
	return 0;

err_buf:
	kfree(d->rx_buf);
	return ret;
}

static int dbh_remove(struct platform_device *pdev)
{
	struct dbh *d = platform_get_drvdata(pdev);

	dbh_free_buffers(d);
	return 0;
}

static struct platform_driver dbh_driver = {
	.probe = dbh_probe,
	.remove = dbh_remove,
	.driver = { .name = "dbh" },
};
module_platform_driver(dbh_driver);
MODULE_LICENSE("GPL");
