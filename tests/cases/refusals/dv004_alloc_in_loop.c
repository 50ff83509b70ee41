// SPDX-License-Identifier: GPL-2.0
/* DV004: one allocation per loop iteration, each freed in a loop in remove(). */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define SPIX_NR_CS	4

struct spix_cs {
	u32 mode;
};

struct spix {
	struct spix_cs *cs[SPIX_NR_CS];
};

static int spix_probe(struct platform_device *pdev)
{
	struct spix *sp;
	int i;

	sp = devm_kzalloc(&pdev->dev, sizeof(*sp), GFP_KERNEL);
	if (!sp)
		return -ENOMEM;

	for (i = 0; i < SPIX_NR_CS; i++) {
		sp->cs[i] = kzalloc(sizeof(*sp->cs[i]), GFP_KERNEL);
		if (!sp->cs[i])
			goto err_free;
	}

	platform_set_drvdata(pdev, sp);
	return 0;

err_free:
	while (--i >= 0)
		kfree(sp->cs[i]);
	return -ENOMEM;
}

static int spix_remove(struct platform_device *pdev)
{
	struct spix *sp = platform_get_drvdata(pdev);
	int i;

	for (i = 0; i < SPIX_NR_CS; i++)
		kfree(sp->cs[i]);
	return 0;
}

static struct platform_driver spix_driver = {
	.probe = spix_probe,
	.remove = spix_remove,
	.driver = {
		.name = "spix",
	},
};
module_platform_driver(spix_driver);

MODULE_LICENSE("GPL");
