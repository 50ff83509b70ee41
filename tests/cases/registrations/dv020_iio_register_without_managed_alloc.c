// SPDX-License-Identifier: GPL-2.0
/* Refusal (DV020): the IIO device is allocated on the MFD parent, so
 * iio_device_alloc() stays (DV008) and devm_iio_device_register() would unregister
 * an IIO device that remove() has already freed. */
#include <linux/iio/iio.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>

#define PMADC_DATA(ch)	(0x40 + 4 * (ch))

struct pmadc_state {
	void __iomem *regs;
};

static int pmadc_read_raw(struct iio_dev *indio_dev, struct iio_chan_spec const *chan,
			  int *val, int *val2, long mask)
{
	struct pmadc_state *st = iio_priv(indio_dev);

	if (mask != IIO_CHAN_INFO_RAW)
		return -EINVAL;
	*val = readl(st->regs + PMADC_DATA(chan->channel));
	return IIO_VAL_INT;
}

static const struct iio_info pmadc_info = {
	.read_raw = pmadc_read_raw,
};

static int pmadc_probe(struct platform_device *pdev)
{
	struct iio_dev *indio_dev;
	struct pmadc_state *st;
	int ret;

	indio_dev = iio_device_alloc(pdev->dev.parent, sizeof(*st));
	if (!indio_dev)
		return -ENOMEM;

	st = iio_priv(indio_dev);
	st->regs = dev_get_platdata(&pdev->dev);
	if (!st->regs) {
		ret = -EINVAL;
		goto err_free;
	}

	indio_dev->name = "pmadc";
	indio_dev->info = &pmadc_info;
	indio_dev->modes = INDIO_DIRECT_MODE;

	ret = iio_device_register(indio_dev);
	if (ret)
		goto err_free;

	platform_set_drvdata(pdev, indio_dev);
	return 0;

err_free:
	iio_device_free(indio_dev);
	return ret;
}

static int pmadc_remove(struct platform_device *pdev)
{
	struct iio_dev *indio_dev = platform_get_drvdata(pdev);

	iio_device_unregister(indio_dev);
	iio_device_free(indio_dev);
	return 0;
}

static struct platform_driver pmadc_driver = {
	.probe = pmadc_probe,
	.remove = pmadc_remove,
	.driver = {
		.name = "pmadc",
	},
};
module_platform_driver(pmadc_driver);

MODULE_LICENSE("GPL");
