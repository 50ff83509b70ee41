// SPDX-License-Identifier: GPL-2.0
/* DV013: the copy is returned from a helper, so there is no lvalue to follow to kfree(). */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct sensx_cal {
	s32 offset;
	s32 gain;
};

struct sensx {
	struct sensx_cal *cal;
};

static struct sensx_cal *sensx_dup_cal(const struct sensx_cal *src)
{
	return kmemdup(src, sizeof(*src), GFP_KERNEL);
}

static int sensx_probe(struct platform_device *pdev)
{
	const struct sensx_cal *pcal = dev_get_platdata(&pdev->dev);
	struct sensx *sx;

	if (!pcal)
		return -EINVAL;

	sx = devm_kzalloc(&pdev->dev, sizeof(*sx), GFP_KERNEL);
	if (!sx)
		return -ENOMEM;

	sx->cal = sensx_dup_cal(pcal);
	if (!sx->cal)
		return -ENOMEM;

	platform_set_drvdata(pdev, sx);
	return 0;
}

static int sensx_remove(struct platform_device *pdev)
{
	struct sensx *sx = platform_get_drvdata(pdev);

	kfree(sx->cal);
	return 0;
}

static struct platform_driver sensx_driver = {
	.probe = sensx_probe,
	.remove = sensx_remove,
	.driver = {
		.name = "sensx",
	},
};
module_platform_driver(sensx_driver);

MODULE_LICENSE("GPL");
