// SPDX-License-Identifier: GPL-2.0
/* No finding: the error path releases through a helper (hlp_hw_off() disables both
 * clocks), and the enables themselves sit in another helper that undoes its first enable
 * when the second fails.  Every failing return of probe holds nothing. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/clk.h>
#include <linux/io.h>

struct hlp {
	void __iomem *base;
	struct clk *bus_clk;
	struct clk *core_clk;
};

static int hlp_hw_on(struct hlp *h)
{
	int ret;

	ret = clk_prepare_enable(h->bus_clk);
	if (ret)
		return ret;
	ret = clk_prepare_enable(h->core_clk);
	if (ret) {
		clk_disable_unprepare(h->bus_clk);
		return ret;
	}
	return 0;
}

static void hlp_hw_off(struct hlp *h)
{
	clk_disable_unprepare(h->core_clk);
	clk_disable_unprepare(h->bus_clk);
}

static int hlp_probe(struct platform_device *pdev)
{
	struct hlp *h;
	int ret;

	h = devm_kzalloc(&pdev->dev, sizeof(*h), GFP_KERNEL);
	if (!h)
		return -ENOMEM;
	h->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(h->base))
		return PTR_ERR(h->base);
	h->bus_clk = devm_clk_get(&pdev->dev, "bus");
	if (IS_ERR(h->bus_clk))
		return PTR_ERR(h->bus_clk);
	h->core_clk = devm_clk_get(&pdev->dev, "core");
	if (IS_ERR(h->core_clk))
		return PTR_ERR(h->core_clk);

	ret = hlp_hw_on(h);
	if (ret)
		return ret;

	if (readl(h->base) != 0x1234) {
		ret = -ENODEV;
		goto err_off;
	}

	platform_set_drvdata(pdev, h);
	return 0;

err_off:
	hlp_hw_off(h);
	return ret;
}

static int hlp_remove(struct platform_device *pdev)
{
	struct hlp *h = platform_get_drvdata(pdev);

	hlp_hw_off(h);
	return 0;
}

static struct platform_driver hlp_driver = {
	.probe = hlp_probe,
	.remove = hlp_remove,
	.driver = { .name = "hlp" },
};
module_platform_driver(hlp_driver);
MODULE_LICENSE("GPL");
