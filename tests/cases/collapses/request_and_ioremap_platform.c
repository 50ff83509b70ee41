// SPDX-License-Identifier: GPL-2.0
/* request_mem_region() + ioremap() of a resource looked up only for them, both
 * converting: one devm_platform_ioremap_resource(); the NULL check becomes IS_ERR(). */
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
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res) {
		ret = -ENODEV;
		goto err_free;
	}

	if (!request_mem_region(res->start, resource_size(res), "foo")) {
		ret = -EBUSY;
		goto err_free;
	}

	priv->regs = ioremap(res->start, resource_size(res));
	if (!priv->regs) {
		dev_err(&pdev->dev, "cannot map registers\n");
		ret = -ENOMEM;
		goto err_release;
	}

	platform_set_drvdata(pdev, priv);
	return 0;

err_release:
	release_mem_region(res->start, resource_size(res));
err_free:
	kfree(priv);
	return ret;
}

static int foo_remove(struct platform_device *pdev)
{
	struct foo *priv = platform_get_drvdata(pdev);
	struct resource *res = platform_get_resource(pdev, IORESOURCE_MEM, 0);

	iounmap(priv->regs);
	release_mem_region(res->start, resource_size(res));
	kfree(priv);
	return 0;
}

static struct platform_driver foo_driver = {
	.probe = foo_probe,
	.remove = foo_remove,
	.driver = { .name = "foo" },
};
module_platform_driver(foo_driver);
