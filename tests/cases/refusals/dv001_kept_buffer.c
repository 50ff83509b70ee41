// SPDX-License-Identifier: GPL-2.0
/* Safe twin of DV001: the same buffer kept in priv until remove() converts. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define OTPX_LEN	32

struct otpx {
	int irq;
	u8 *cache;
};

static int otpx_read(struct otpx *otp, u8 *buf, size_t len)
{
	buf[0] = otp->irq;
	return len ? 0 : -EINVAL;
}

static int otpx_probe(struct platform_device *pdev)
{
	struct otpx *otp;
	int ret;

	otp = devm_kzalloc(&pdev->dev, sizeof(*otp), GFP_KERNEL);
	if (!otp)
		return -ENOMEM;

	otp->cache = kmalloc(OTPX_LEN, GFP_KERNEL);
	if (!otp->cache)
		return -ENOMEM;

	ret = otpx_read(otp, otp->cache, OTPX_LEN);
	if (ret) {
		kfree(otp->cache);
		return ret;
	}
	add_device_randomness(otp->cache, OTPX_LEN);

	platform_set_drvdata(pdev, otp);
	return 0;
}

static int otpx_remove(struct platform_device *pdev)
{
	struct otpx *otp = platform_get_drvdata(pdev);

	kfree(otp->cache);
	return 0;
}

static struct platform_driver otpx_driver = {
	.probe = otpx_probe,
	.remove = otpx_remove,
	.driver = {
		.name = "otpx",
	},
};
module_platform_driver(otpx_driver);

MODULE_LICENSE("GPL");
