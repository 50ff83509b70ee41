// SPDX-License-Identifier: GPL-2.0
/* pwmchip_add() becomes devm_pwmchip_add(); pwmchip_remove() and remove() go. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/pwm.h>

struct pwmy {
	struct pwm_chip chip;
	unsigned int period_ns;
};

static int pwmy_probe(struct platform_device *pdev)
{
	struct pwmy *py;
	int ret;

	py = devm_kzalloc(&pdev->dev, sizeof(*py), GFP_KERNEL);
	if (!py)
		return -ENOMEM;

	py->period_ns = 1000000;
	py->chip.dev = &pdev->dev;
	py->chip.npwm = 2;
	ret = pwmchip_add(&py->chip);
	if (ret < 0)
		return ret;

	platform_set_drvdata(pdev, py);
	return 0;
}

static int pwmy_remove(struct platform_device *pdev)
{
	struct pwmy *py = platform_get_drvdata(pdev);

	pwmchip_remove(&py->chip);
	return 0;
}

static struct platform_driver pwmy_driver = {
	.probe = pwmy_probe,
	.remove = pwmy_remove,
	.driver = {
		.name = "pwmy",
	},
};
module_platform_driver(pwmy_driver);

MODULE_LICENSE("GPL");
