// SPDX-License-Identifier: GPL-2.0
/* An amba driver: priv and its name go devm on &adev->dev; the unwind ladder goes. */
#include <linux/amba/bus.h>
#include <linux/module.h>
#include <linux/slab.h>

struct plx_port {
	struct amba_device *adev;
	char *name;
	unsigned int irq;
};

static int plx_probe(struct amba_device *adev, const struct amba_id *id)
{
	struct plx_port *port;
	int ret;

	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port)
		return -ENOMEM;

	port->name = kasprintf(GFP_KERNEL, "plx-%08x", id->id);
	if (!port->name) {
		ret = -ENOMEM;
		goto err_port;
	}

	port->adev = adev;
	port->irq = adev->irq[0];
	if (!port->irq) {
		ret = -ENODEV;
		goto err_name;
	}

	amba_set_drvdata(adev, port);
	return 0;

err_name:
	kfree(port->name);
err_port:
	kfree(port);
	return ret;
}

static void plx_remove(struct amba_device *adev)
{
	struct plx_port *port = amba_get_drvdata(adev);

	kfree(port->name);
	kfree(port);
}

static const struct amba_id plx_ids[] = {
	{ 0x00041011, 0x000fffff },
	{ 0, 0 },
};

static struct amba_driver plx_driver = {
	.drv = {
		.name = "plx",
	},
	.probe = plx_probe,
	.remove = plx_remove,
	.id_table = plx_ids,
};
module_amba_driver(plx_driver);

MODULE_LICENSE("GPL");
