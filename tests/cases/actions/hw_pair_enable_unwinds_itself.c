// SPDX-License-Identifier: GPL-2.0
/* A driver pair whose enable undoes its own partial work: adcx_init_supplies() switches
 * two supplies on and, when the second fails, calls adcx_deinit_supplies() itself.  That
 * call is the enable's own unwinding, not a release of what probe acquired: it stays (a
 * real 6.1 driver of this shape lost it in an early version of devmify, leaking the first
 * supply).  The calls in probe's ladder and in remove() become the devm action. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/regulator/consumer.h>

struct adcx {
	struct regulator *avdd;
	struct regulator *dvdd;
};

static void adcx_deinit_supplies(struct adcx *adc)
{
	regulator_disable(adc->dvdd);
	regulator_disable(adc->avdd);
}

static int adcx_init_supplies(struct adcx *adc)
{
	int ret;

	ret = regulator_enable(adc->avdd);
	if (ret)
		return ret;

	ret = regulator_enable(adc->dvdd);
	if (ret)
		goto err;

	return 0;

err:
	adcx_deinit_supplies(adc);
	return ret;
}

static int adcx_check_id(struct adcx *adc)
{
	return adc->avdd ? 0 : -ENODEV;
}

static int adcx_probe(struct platform_device *pdev)
{
	struct adcx *adc;
	int ret;

	adc = devm_kzalloc(&pdev->dev, sizeof(*adc), GFP_KERNEL);
	if (!adc)
		return -ENOMEM;

	adc->avdd = devm_regulator_get(&pdev->dev, "avdd");
	if (IS_ERR(adc->avdd))
		return PTR_ERR(adc->avdd);
	adc->dvdd = devm_regulator_get(&pdev->dev, "dvdd");
	if (IS_ERR(adc->dvdd))
		return PTR_ERR(adc->dvdd);

	ret = adcx_init_supplies(adc);
	if (ret)
		return ret;

	ret = adcx_check_id(adc);
	if (ret)
		goto err_supplies;

	platform_set_drvdata(pdev, adc);
	return 0;

err_supplies:
	adcx_deinit_supplies(adc);
	return ret;
}

static int adcx_remove(struct platform_device *pdev)
{
	struct adcx *adc = platform_get_drvdata(pdev);

	adcx_deinit_supplies(adc);
	return 0;
}

static struct platform_driver adcx_driver = {
	.probe = adcx_probe,
	.remove = adcx_remove,
	.driver = {
		.name = "adcx",
	},
};
module_platform_driver(adcx_driver);

MODULE_LICENSE("GPL");
