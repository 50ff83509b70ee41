// SPDX-License-Identifier: GPL-2.0
/* DV003: the serio port is handed to serio_register_port(); the serio core frees it. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/serio.h>
#include <linux/slab.h>

struct kbdx {
	struct serio *io;
	int irq;
};

static int kbdx_probe(struct platform_device *pdev)
{
	struct kbdx *kbd;

	kbd = devm_kzalloc(&pdev->dev, sizeof(*kbd), GFP_KERNEL);
	if (!kbd)
		return -ENOMEM;

	kbd->io = kzalloc(sizeof(*kbd->io), GFP_KERNEL);
	if (!kbd->io)
		return -ENOMEM;

	kbd->irq = platform_get_irq(pdev, 0);
	kbd->io->dev.parent = &pdev->dev;
	serio_register_port(kbd->io);
	platform_set_drvdata(pdev, kbd);
	return 0;
}

static int kbdx_remove(struct platform_device *pdev)
{
	struct kbdx *kbd = platform_get_drvdata(pdev);

	serio_unregister_port(kbd->io);
	return 0;
}

static struct platform_driver kbdx_driver = {
	.probe = kbdx_probe,
	.remove = kbdx_remove,
	.driver = {
		.name = "kbdx",
	},
};
module_platform_driver(kbdx_driver);

MODULE_LICENSE("GPL");
