// SPDX-License-Identifier: GPL-2.0
/* Already managed: platform_get_resource() + devm_ioremap_resource() with res used for
 * nothing else is devm_platform_ioremap_resource(). */
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>

struct foo {
	void *regs;
};

static int foo_probe(struct platform_device *pdev)
{
	struct foo *priv;
	struct resource *res;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	priv->regs = devm_ioremap_resource(&pdev->dev, res);
	if (IS_ERR(priv->regs))
		return PTR_ERR(priv->regs);

	platform_set_drvdata(pdev, priv);
	return 0;
}

static struct platform_driver foo_driver = {
	.probe = foo_probe,
	.driver = { .name = "foo" },
};
module_platform_driver(foo_driver);
