// SPDX-License-Identifier: GPL-2.0
/* A label whose only statement goes is dropped; its gotos jump to the next label. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct sndx {
	struct pci_dev *pci;
	unsigned int irq;
};

static int sndx_probe(struct pci_dev *pci, const struct pci_device_id *id)
{
	struct sndx *chip;
	int ret;

	ret = pci_enable_device(pci);
	if (ret)
		return ret;

	chip = kzalloc(sizeof(*chip), GFP_KERNEL);
	if (!chip) {
		ret = -ENOMEM;
		goto err_disable;
	}

	chip->pci = pci;
	chip->irq = pci->irq;
	if (!chip->irq) {
		ret = -ENODEV;
		goto err_free;
	}

	pci_set_drvdata(pci, chip);
	return 0;

err_free:
	kfree(chip);
err_disable:
	pci_disable_device(pci);
	return ret;
}

static void sndx_remove(struct pci_dev *pci)
{
	struct sndx *chip = pci_get_drvdata(pci);

	pci_disable_device(pci);
	kfree(chip);
}

static struct pci_driver sndx_driver = {
	.name = "sndx",
	.probe = sndx_probe,
	.remove = sndx_remove,
};
module_pci_driver(sndx_driver);

MODULE_LICENSE("GPL");
