// SPDX-License-Identifier: GPL-2.0
/* Refusal: the mutex lives in private data that stays kzalloc()ed, because that data is the
 * callback data of the parent PMIC's own interrupt helper, which has no managed form
 * (DV007). devm_mutex_init() would destroy the mutex at unbind, after remove() has already
 * kfree()d the memory it lives in, so mutex_init() stays (DV020) and so do both
 * mutex_destroy() calls, although a checked call follows that could give the exit. */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define CHGX_IRQ_VBUS	4

struct chgx_priv {
	void *pmic;
	struct mutex lock;	/* protects online */
	int online;
};

static int chgx_vbus_irq(int irq, void *data)
{
	struct chgx_priv *chg = data;

	mutex_lock(&chg->lock);
	chg->online = !chg->online;
	mutex_unlock(&chg->lock);
	return 0;
}

static int chgx_probe(struct platform_device *pdev)
{
	struct chgx_priv *chg;
	int ret;

	chg = kzalloc(sizeof(*chg), GFP_KERNEL);
	if (!chg)
		return -ENOMEM;
	chg->pmic = pdev->dev.parent;

	mutex_init(&chg->lock);
	platform_set_drvdata(pdev, chg);

	ret = pmicx_irq_request(chg->pmic, CHGX_IRQ_VBUS, chgx_vbus_irq, "chgx-vbus", chg);
	if (ret) {
		dev_err(&pdev->dev, "cannot request VBUS interrupt: %d\n", ret);
		goto err_destroy;
	}

	return 0;

err_destroy:
	mutex_destroy(&chg->lock);
	kfree(chg);
	return ret;
}

static int chgx_remove(struct platform_device *pdev)
{
	struct chgx_priv *chg = platform_get_drvdata(pdev);

	pmicx_irq_free(chg->pmic, CHGX_IRQ_VBUS, chg);
	mutex_destroy(&chg->lock);
	kfree(chg);
	return 0;
}

static struct platform_driver chgx_driver = {
	.probe = chgx_probe,
	.remove = chgx_remove,
	.driver = {
		.name = "chgx",
	},
};
module_platform_driver(chgx_driver);

MODULE_LICENSE("GPL");
