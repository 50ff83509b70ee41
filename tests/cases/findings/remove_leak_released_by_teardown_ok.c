// SPDX-License-Identifier: GPL-2.0
/* No finding: remove() releases the IRQ and the clock through rlt_teardown(), which it
 * shares with nothing else; and the ports requested in a loop are released by a loop in
 * remove().  Releases reached through a helper count. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/ioport.h>
#include <linux/clk.h>

#define RLT_PORTS 2

struct rlt {
	struct clk *clk;
	int irq;
	unsigned long base[RLT_PORTS];
};

static irqreturn_t rlt_isr(int irq, void *dev_id)
{
	return IRQ_HANDLED;
}

static void rlt_teardown(struct rlt *t)
{
	free_irq(t->irq, t);
	clk_disable_unprepare(t->clk);
}

static int rlt_probe(struct platform_device *pdev)
{
	struct rlt *t;
	int ret, i;

	t = devm_kzalloc(&pdev->dev, sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	t->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(t->clk))
		return PTR_ERR(t->clk);
	ret = clk_prepare_enable(t->clk);
	if (ret)
		return ret;

	for (i = 0; i < RLT_PORTS; i++) {
		t->base[i] = 0x300 + 8 * i;
		if (!request_region(t->base[i], 8, "rlt")) {
			ret = -EBUSY;
			goto err_ports;
		}
	}

	t->irq = platform_get_irq(pdev, 0);
	if (t->irq < 0) {
		ret = t->irq;
		goto err_ports;
	}
	ret = request_irq(t->irq, rlt_isr, 0, "rlt", t);
	if (ret)
		goto err_ports;

	platform_set_drvdata(pdev, t);
	return 0;

err_ports:
	while (i--)
		release_region(t->base[i], 8);
	clk_disable_unprepare(t->clk);
	return ret;
}

static int rlt_remove(struct platform_device *pdev)
{
	struct rlt *t = platform_get_drvdata(pdev);
	int i;

	rlt_teardown(t);
	for (i = 0; i < RLT_PORTS; i++)
		release_region(t->base[i], 8);
	return 0;
}

static struct platform_driver rlt_driver = {
	.probe = rlt_probe,
	.remove = rlt_remove,
	.driver = { .name = "rlt" },
};
module_platform_driver(rlt_driver);
MODULE_LICENSE("GPL");
