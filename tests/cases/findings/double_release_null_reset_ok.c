// SPDX-License-Identifier: GPL-2.0
/* No finding: two releases of one object that never meet on a path.  The buffer is freed
 * and set to NULL, so the ladder's kfree() sees NULL; and the clock is disabled either
 * where the hardware is found idle or, when it was running, on the later failure, two
 * conditions the walk cannot relate (a driver of this shape was a false report). */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/clk.h>
#include <linux/io.h>

struct dnr {
	void __iomem *base;
	struct clk *clk;
	u8 *scratch;
	bool running;
};

static int dnr_probe(struct platform_device *pdev)
{
	struct dnr *d;
	int ret;

	d = devm_kzalloc(&pdev->dev, sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	d->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(d->base))
		return PTR_ERR(d->base);
	d->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(d->clk))
		return PTR_ERR(d->clk);

	d->scratch = kmalloc(64, GFP_KERNEL);
	if (!d->scratch)
		return -ENOMEM;
	if (readl(d->base) & 1) {
		kfree(d->scratch);
		d->scratch = NULL;
	}

	ret = clk_prepare_enable(d->clk);
	if (ret)
		goto err_free;

	if (readl(d->base + 4))
		d->running = true;
	else
		clk_disable_unprepare(d->clk);

	ret = platform_get_irq(pdev, 0);
	if (ret < 0 && d->running)
		clk_disable_unprepare(d->clk);
	if (ret < 0)
		goto err_free;

	kfree(d->scratch);
	platform_set_drvdata(pdev, d);
	return 0;

err_free:
	kfree(d->scratch);
	return ret;
}

static struct platform_driver dnr_driver = {
	.probe = dnr_probe,
	.driver = { .name = "dnr" },
};
module_platform_driver(dnr_driver);
MODULE_LICENSE("GPL");
