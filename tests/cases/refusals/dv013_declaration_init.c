// SPDX-License-Identifier: GPL-2.0
/* Safe twin of DV013: an allocation in a declaration's initialiser is still a variable. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct sensx {
	s32 offset;
	int irq;
};

static int sensx_probe(struct platform_device *pdev)
{
	struct sensx *sx = kzalloc(sizeof(*sx), GFP_KERNEL);

	if (!sx)
		return -ENOMEM;

	sx->irq = platform_get_irq(pdev, 0);
	if (sx->irq < 0) {
		kfree(sx);
		return sx->irq;
	}

	platform_set_drvdata(pdev, sx);
	return 0;
}

static int sensx_remove(struct platform_device *pdev)
{
	struct sensx *sx = platform_get_drvdata(pdev);

	kfree(sx);
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
