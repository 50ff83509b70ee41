// SPDX-License-Identifier: GPL-2.0
/* devm_ioremap() is declared only in <linux/io.h>, which this driver does not include
 * (ioremap() came through <asm/io.h>): the include is added after the last <linux/...>
 * include at file scope, never inside the #if block that follows (found by a kernel build
 * of a 6.1 fbdev driver of this shape). */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/pci.h>
#include <asm/io.h>

#if defined(CONFIG_FOO_EXTRA)
#include <linux/nvram.h>
#endif

struct fbx {
	void __iomem *regs;
};

static int fbx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct fbx *f;

	f = devm_kzalloc(&pdev->dev, sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;

	f->regs = ioremap(pci_resource_start(pdev, 0), pci_resource_len(pdev, 0));
	if (!f->regs)
		return -ENOMEM;

	pci_set_drvdata(pdev, f);
	return 0;
}

static void fbx_remove(struct pci_dev *pdev)
{
	struct fbx *f = pci_get_drvdata(pdev);
	int size = pci_resource_len(pdev, 0);

	dev_info(&pdev->dev, "unmapping %d bytes\n", size);
	iounmap(f->regs);
}

static const struct pci_device_id fbx_ids[] = {
	{ 0x1234, 0x5678 },
	{ 0, }
};

static struct pci_driver fbx_driver = {
	.name = "fbx",
	.id_table = fbx_ids,
	.probe = fbx_probe,
	.remove = fbx_remove,
};
module_pci_driver(fbx_driver);

MODULE_LICENSE("GPL");
