// SPDX-License-Identifier: GPL-2.0
/* A firmware clock driver whose probe ends with `return of_clk_add_hw_provider(np, ...)`,
 * np a local holding dev->of_node and used nowhere else.  devm_of_clk_add_hw_provider()
 * takes the device instead, so np goes with it (left behind, gcc warns it is unused:
 * found reading a 6.1 driver of this shape), and remove(), which only deleted the
 * provider, goes. */
#include <linux/clk-provider.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>

struct fwclk_provider {
	struct device *dev;
	struct clk_hw hw;
};

static struct clk_hw *fwclk_get(struct of_phandle_args *spec, void *data)
{
	struct fwclk_provider *p = data;

	return &p->hw;
}

static int fwclk_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct device_node *np = dev->of_node;
	struct fwclk_provider *provider;
	int ret;

	provider = devm_kzalloc(dev, sizeof(*provider), GFP_KERNEL);
	if (!provider)
		return -ENOMEM;
	provider->dev = dev;

	ret = devm_clk_hw_register(dev, &provider->hw);
	if (ret) {
		dev_err(dev, "cannot register the clock: %d\n", ret);
		return ret;
	}

	return of_clk_add_hw_provider(np, fwclk_get, provider);
}

static int fwclk_remove(struct platform_device *pdev)
{
	of_clk_del_provider(pdev->dev.of_node);

	return 0;
}

static struct platform_driver fwclk_driver = {
	.probe = fwclk_probe,
	.remove = fwclk_remove,
	.driver = {
		.name = "fwclk",
	},
};
module_platform_driver(fwclk_driver);

MODULE_LICENSE("GPL");
