// SPDX-License-Identifier: GPL-2.0
/* Safe twin of DV005: remove() has a condition, but the kfree() is not under it. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct shmx {
	u8 *window;
	int users;
};

static int shmx_probe(struct platform_device *pdev)
{
	struct shmx *sh;

	sh = devm_kzalloc(&pdev->dev, sizeof(*sh), GFP_KERNEL);
	if (!sh)
		return -ENOMEM;

	sh->window = kzalloc(256, GFP_KERNEL);
	if (!sh->window)
		return -ENOMEM;

	platform_set_drvdata(pdev, sh);
	return 0;
}

static int shmx_remove(struct platform_device *pdev)
{
	struct shmx *sh = platform_get_drvdata(pdev);

	if (sh->users)
		dev_err(&pdev->dev, "window still mapped\n");
	kfree(sh->window);
	return 0;
}

static struct platform_driver shmx_driver = {
	.probe = shmx_probe,
	.remove = shmx_remove,
	.driver = {
		.name = "shmx",
	},
};
module_platform_driver(shmx_driver);

MODULE_LICENSE("GPL");
