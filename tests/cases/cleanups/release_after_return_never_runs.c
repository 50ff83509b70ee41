// SPDX-License-Identifier: GPL-2.0
/* A release written after the ladder's return never runs: it is not an error-path
 * release (nor a success-path one), so pci_enable_device() converts as if it were not
 * there.  Found by fuzzing: counted as a release that runs when probe succeeds, it
 * refused the conversion, the cleanup then deleted it with its dead label, and a second
 * run converted what the first had refused. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct sndy {
	struct pci_dev *pci;
	unsigned int irq;
};

static int sndy_probe(struct pci_dev *pci, const struct pci_device_id *id)
{
	struct sndy *chip;
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
	pci_set_drvdata(pci, chip);
	return 0;

err_disable:
	return ret;
	pci_disable_device(pci);
}

static void sndy_remove(struct pci_dev *pci)
{
	struct sndy *chip = pci_get_drvdata(pci);

	pci_disable_device(pci);
	kfree(chip);
}

static struct pci_driver sndy_driver = {
	.name = "sndy",
	.probe = sndy_probe,
	.remove = sndy_remove,
};
module_pci_driver(sndy_driver);

MODULE_LICENSE("GPL");
