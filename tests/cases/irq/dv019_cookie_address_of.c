// SPDX-License-Identifier: GPL-2.0
/* Refusal: the IRQ cookie is &priv->ch, and remove() still writes priv->ch.base after
 * free_irq(): the handler reaches it through the cookie, so request_irq() stays. */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct chan { void __iomem *base; int n; };
struct foo { struct chan ch; int irq; };

static irqreturn_t foo_isr(int irq, void *dev_id)
{
	struct chan *ch = dev_id;

	writel(1, ch->base);
	return IRQ_HANDLED;
}

static int foo_probe(struct platform_device *pdev)
{
	struct foo *priv;
	struct resource *res;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	priv->ch.base = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!priv->ch.base)
		return -ENOMEM;
	priv->irq = platform_get_irq(pdev, 0);
	ret = request_irq(priv->irq, foo_isr, 0, "foo", &priv->ch);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, priv);
	return 0;
}

static int foo_remove(struct platform_device *pdev)
{
	struct foo *priv = platform_get_drvdata(pdev);

	free_irq(priv->irq, &priv->ch);
	writel(0, priv->ch.base);
	return 0;
}

static struct platform_driver foo_driver = {
	.probe = foo_probe,
	.remove = foo_remove,
	.driver = { .name = "foo" },
};
module_platform_driver(foo_driver);
MODULE_LICENSE("GPL");
