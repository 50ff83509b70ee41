// SPDX-License-Identifier: GPL-2.0
/*
 * Example USB driver for devmify's bundled tree: the serio port is handed to the
 * serio core, which frees it, so devmify must refuse it; the private data converts,
 * and .disconnect stays because the USB core calls it unconditionally.
 */
#include <linux/module.h>
#include <linux/serio.h>
#include <linux/slab.h>
#include <linux/usb.h>

struct padport {
	struct usb_interface *intf;
	struct serio *serio;
};

static int padport_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct padport *pp;
	struct serio *serio;

	pp = kzalloc(sizeof(*pp), GFP_KERNEL);
	serio = kzalloc(sizeof(*serio), GFP_KERNEL);
	if (!pp || !serio) {
		kfree(serio);
		kfree(pp);
		return -ENOMEM;
	}

	pp->intf = intf;
	pp->serio = serio;
	usb_set_intfdata(intf, pp);
	serio_register_port(serio);
	return 0;
}

static void padport_disconnect(struct usb_interface *intf)
{
	struct padport *pp = usb_get_intfdata(intf);

	serio_unregister_port(pp->serio);
	usb_set_intfdata(intf, NULL);
	kfree(pp);
}

static const struct usb_device_id padport_ids[] = {
	{ .idVendor = 0x1234, .idProduct = 0x5678 },
	{ }
};
MODULE_DEVICE_TABLE(usb, padport_ids);

static struct usb_driver padport_driver = {
	.name = "padport",
	.probe = padport_probe,
	.disconnect = padport_disconnect,
	.id_table = padport_ids,
};
module_usb_driver(padport_driver);

MODULE_LICENSE("GPL");
