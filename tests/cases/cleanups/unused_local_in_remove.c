// SPDX-License-Identifier: GPL-2.0
/* remove() keeps its other work; the priv local it no longer uses is deleted. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct dspx {
	int irq;
	u32 *fw;
};

static int dspx_probe(struct platform_device *pdev)
{
	struct dspx *dsp;

	dsp = devm_kzalloc(&pdev->dev, sizeof(*dsp), GFP_KERNEL);
	if (!dsp)
		return -ENOMEM;

	dsp->fw = kcalloc(1024, sizeof(u32), GFP_KERNEL);
	if (!dsp->fw)
		return -ENOMEM;

	dsp->irq = platform_get_irq(pdev, 0);
	platform_set_drvdata(pdev, dsp);
	pm_runtime_enable(&pdev->dev);
	return 0;
}

static int dspx_remove(struct platform_device *pdev)
{
	struct dspx *dsp = platform_get_drvdata(pdev);

	pm_runtime_disable(&pdev->dev);
	kfree(dsp->fw);
	return 0;
}

static struct platform_driver dspx_driver = {
	.probe = dspx_probe,
	.remove = dspx_remove,
	.driver = {
		.name = "dspx",
	},
};
module_platform_driver(dspx_driver);

MODULE_LICENSE("GPL");
