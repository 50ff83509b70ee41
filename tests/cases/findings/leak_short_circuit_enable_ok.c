// SPDX-License-Identifier: GPL-2.0
/* No finding: the clock is enabled only in the right side of `&&`, so only when the
 * lookup gave one, and disabled in the same block; later failures hold nothing.  (A walk
 * that ran both sides of `&&` on every path reported a leak in a 6.1 PHY driver of this
 * shape.) */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/clk.h>
#include <linux/io.h>

struct scp {
	void __iomem *base;
	bool fast;
};

static int scp_probe(struct platform_device *pdev)
{
	struct scp *s;
	struct clk *clk;

	s = devm_kzalloc(&pdev->dev, sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;

	clk = devm_clk_get(&pdev->dev, "ref");
	if (!IS_ERR(clk) && !clk_prepare_enable(clk)) {
		s->fast = clk_get_rate(clk) > 100000000;
		clk_disable_unprepare(clk);
	}

	s->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(s->base))
		return PTR_ERR(s->base);

	platform_set_drvdata(pdev, s);
	return 0;
}

static struct platform_driver scp_driver = {
	.probe = scp_probe,
	.driver = { .name = "scp" },
};
module_platform_driver(scp_driver);
MODULE_LICENSE("GPL");
