// SPDX-License-Identifier: GPL-2.0
/* kasprintf() -> devm_kasprintf(): the device goes before the gfp flags. */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spi/spi.h>

struct panelx {
	struct spi_device *spi;
	char *irq_name;
};

static int panelx_probe(struct spi_device *spi)
{
	struct panelx *px;

	px = devm_kzalloc(&spi->dev, sizeof(*px), GFP_KERNEL);
	if (!px)
		return -ENOMEM;

	px->spi = spi;
	px->irq_name = kasprintf(GFP_KERNEL, "%s-te", dev_name(&spi->dev));
	if (!px->irq_name)
		return -ENOMEM;

	spi_set_drvdata(spi, px);
	return 0;
}

static void panelx_remove(struct spi_device *spi)
{
	struct panelx *px = spi_get_drvdata(spi);

	kfree(px->irq_name);
}

static struct spi_driver panelx_driver = {
	.driver = {
		.name = "panelx",
	},
	.probe = panelx_probe,
	.remove = panelx_remove,
};
module_spi_driver(panelx_driver);

MODULE_LICENSE("GPL");
