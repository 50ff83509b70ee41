// SPDX-License-Identifier: GPL-2.0
/* DV001: a scratch buffer freed before probe returns 0 is not device-lifetime memory. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define OTPX_LEN	32

struct otpx {
	int irq;
	u32 serial;
};

static int otpx_read(struct otpx *otp, u8 *buf, size_t len)
{
	buf[0] = otp->irq;
	return len ? 0 : -EINVAL;
}

static int otpx_probe(struct platform_device *pdev)
{
	struct otpx *otp;
	u8 *buf;
	int ret;

	otp = devm_kzalloc(&pdev->dev, sizeof(*otp), GFP_KERNEL);
	if (!otp)
		return -ENOMEM;

	buf = kmalloc(OTPX_LEN, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	ret = otpx_read(otp, buf, OTPX_LEN);
	if (ret) {
		kfree(buf);
		return ret;
	}
	add_device_randomness(buf, OTPX_LEN);
	otp->serial = buf[0];
	kfree(buf);

	platform_set_drvdata(pdev, otp);
	return 0;
}

static struct platform_driver otpx_driver = {
	.probe = otpx_probe,
	.driver = {
		.name = "otpx",
	},
};
module_platform_driver(otpx_driver);

MODULE_LICENSE("GPL");
