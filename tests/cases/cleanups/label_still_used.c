// SPDX-License-Identifier: GPL-2.0
/* Nearest that stays: a label whose other cleanup remains keeps its gotos.  (The power-off
 * takes two arguments, so it cannot become a devm action of the power-on.) */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct motx {
	int irq;
	bool powered;
};

static int motx_power_on(struct motx *m)
{
	m->powered = true;
	return 0;
}

static void motx_power_off(struct motx *m, bool wait)
{
	if (wait)
		m->powered = false;
}

static int motx_probe(struct platform_device *pdev)
{
	struct motx *m;
	int ret;

	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;

	ret = motx_power_on(m);
	if (ret)
		goto err_free;

	m->irq = platform_get_irq(pdev, 0);
	if (m->irq < 0) {
		ret = m->irq;
		goto err_power_off;
	}
	if (m->irq == 0) {
		ret = -EINVAL;
		goto err_power_off;
	}

	platform_set_drvdata(pdev, m);
	return 0;

err_power_off:
	motx_power_off(m, true);
err_free:
	kfree(m);
	return ret;
}

static int motx_remove(struct platform_device *pdev)
{
	struct motx *m = platform_get_drvdata(pdev);

	motx_power_off(m, true);
	kfree(m);
	return 0;
}

static struct platform_driver motx_driver = {
	.probe = motx_probe,
	.remove = motx_remove,
	.driver = {
		.name = "motx",
	},
};
module_platform_driver(motx_driver);

MODULE_LICENSE("GPL");
