// SPDX-License-Identifier: GPL-2.0
/*
 * Example platform driver for devmify's bundled tree: a one-key controller with
 * its registers, clock, supply, interrupt and input device all released by hand.
 * devmify converts all of it: the clock's enable merges into devm_clk_get_enabled(),
 * the supply's disable becomes a devm action, and the IRQ goes managed because
 * nothing is torn down by hand after it any more.
 */
#include <linux/clk.h>
#include <linux/input.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/regulator/consumer.h>
#include <linux/slab.h>

#define TAPKEY_STATUS	0x00
#define TAPKEY_CTRL	0x04

struct tapkey {
	void __iomem *base;
	struct clk *clk;
	struct regulator *vdd;
	struct input_dev *input;
	int irq;
};

static irqreturn_t tapkey_irq(int irq, void *dev_id)
{
	struct tapkey *tk = dev_id;
	u32 status = readl(tk->base + TAPKEY_STATUS);

	input_report_key(tk->input, KEY_ENTER, status & 1);
	input_sync(tk->input);
	return IRQ_HANDLED;
}

static int tapkey_probe(struct platform_device *pdev)
{
	struct tapkey *tk;
	struct resource *res;
	int ret;

	tk = kzalloc(sizeof(*tk), GFP_KERNEL);
	if (!tk)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res) {
		ret = -ENODEV;
		goto err_free;
	}
	if (!request_mem_region(res->start, resource_size(res), "tapkey")) {
		ret = -EBUSY;
		goto err_free;
	}
	tk->base = ioremap(res->start, resource_size(res));
	if (!tk->base) {
		ret = -ENOMEM;
		goto err_release;
	}

	tk->vdd = regulator_get(&pdev->dev, "vdd");
	if (IS_ERR(tk->vdd)) {
		ret = PTR_ERR(tk->vdd);
		goto err_unmap;
	}
	ret = regulator_enable(tk->vdd);
	if (ret)
		goto err_put_vdd;

	tk->clk = clk_get(&pdev->dev, NULL);
	if (IS_ERR(tk->clk)) {
		ret = PTR_ERR(tk->clk);
		goto err_disable_vdd;
	}
	ret = clk_prepare_enable(tk->clk);
	if (ret)
		goto err_put_clk;

	tk->input = input_allocate_device();
	if (!tk->input) {
		ret = -ENOMEM;
		goto err_disable_clk;
	}
	tk->input->name = "tapkey";
	input_set_capability(tk->input, EV_KEY, KEY_ENTER);

	tk->irq = platform_get_irq(pdev, 0);
	if (tk->irq < 0) {
		ret = tk->irq;
		goto err_free_input;
	}
	ret = request_irq(tk->irq, tapkey_irq, 0, "tapkey", tk);
	if (ret)
		goto err_free_input;

	ret = input_register_device(tk->input);
	if (ret)
		goto err_free_irq;

	writel(1, tk->base + TAPKEY_CTRL);
	platform_set_drvdata(pdev, tk);
	return 0;

err_free_irq:
	free_irq(tk->irq, tk);
err_free_input:
	input_free_device(tk->input);
err_disable_clk:
	clk_disable_unprepare(tk->clk);
err_put_clk:
	clk_put(tk->clk);
err_disable_vdd:
	regulator_disable(tk->vdd);
err_put_vdd:
	regulator_put(tk->vdd);
err_unmap:
	iounmap(tk->base);
err_release:
	release_mem_region(res->start, resource_size(res));
err_free:
	kfree(tk);
	return ret;
}

static int tapkey_remove(struct platform_device *pdev)
{
	struct tapkey *tk = platform_get_drvdata(pdev);
	struct resource *res = platform_get_resource(pdev, IORESOURCE_MEM, 0);

	writel(0, tk->base + TAPKEY_CTRL);
	input_unregister_device(tk->input);
	free_irq(tk->irq, tk);
	clk_disable_unprepare(tk->clk);
	clk_put(tk->clk);
	regulator_disable(tk->vdd);
	regulator_put(tk->vdd);
	iounmap(tk->base);
	release_mem_region(res->start, resource_size(res));
	kfree(tk);
	return 0;
}

static struct platform_driver tapkey_driver = {
	.probe = tapkey_probe,
	.remove = tapkey_remove,
	.driver = {
		.name = "tapkey",
	},
};
module_platform_driver(tapkey_driver);

MODULE_DESCRIPTION("Example one-key controller");
MODULE_LICENSE("GPL");
