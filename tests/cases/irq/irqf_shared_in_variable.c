// SPDX-License-Identifier: GPL-2.0
/* IRQF_SHARED reaches request_irq() through a local flags variable: the conversion still
 * carries the IRQF_SHARED note. */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>

#define SHLN_STATUS	0x00
#define SHLN_ACK	0x04

struct shln_port {
	void __iomem *regs;
	int irq;
	unsigned int events;
};

static irqreturn_t shln_isr(int irq, void *dev_id)
{
	struct shln_port *port = dev_id;
	unsigned int status = readl(port->regs + SHLN_STATUS);

	if (!status)
		return IRQ_NONE;
	writel(status, port->regs + SHLN_ACK);
	port->events++;
	return IRQ_HANDLED;
}

static int shln_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct resource *res;
	struct shln_port *port;
	unsigned long irqflags = IRQF_SHARED;
	int ret;

	port = devm_kzalloc(dev, sizeof(*port), GFP_KERNEL);
	if (!port)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	port->regs = devm_ioremap(dev, res->start, resource_size(res));
	if (!port->regs)
		return -ENOMEM;

	port->irq = platform_get_irq(pdev, 0);
	if (port->irq < 0)
		return port->irq;

	ret = request_irq(port->irq, shln_isr, irqflags, dev_name(dev), port);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, port);
	return 0;
}

static int shln_remove(struct platform_device *pdev)
{
	struct shln_port *port = platform_get_drvdata(pdev);

	free_irq(port->irq, port);
	return 0;
}

static struct platform_driver shln_driver = {
	.probe = shln_probe,
	.remove = shln_remove,
	.driver = {
		.name = "shln",
	},
};
module_platform_driver(shln_driver);

MODULE_LICENSE("GPL");
