// SPDX-License-Identifier: GPL-2.0
/* A usb driver: .disconnect is mandatory, so it stays even once its body is empty. */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/usb.h>

struct ledx_dev {
	struct usb_device *udev;
	struct usb_interface *intf;
};

static int ledx_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct ledx_dev *led;

	led = kzalloc(sizeof(*led), GFP_KERNEL);
	if (!led)
		return -ENOMEM;

	led->udev = interface_to_usbdev(intf);
	led->intf = intf;
	usb_set_intfdata(intf, led);
	dev_info(&intf->dev, "ledx %04x attached\n", id->idProduct);
	return 0;
}

static void ledx_disconnect(struct usb_interface *intf)
{
	struct ledx_dev *led = usb_get_intfdata(intf);

	kfree(led);
}

static const struct usb_device_id ledx_table[] = {
	{ 0x1d34, 0x0004 },
	{ }
};
MODULE_DEVICE_TABLE(usb, ledx_table);

static struct usb_driver ledx_driver = {
	.name = "ledx",
	.probe = ledx_probe,
	.disconnect = ledx_disconnect,
	.id_table = ledx_table,
};
module_usb_driver(ledx_driver);

MODULE_LICENSE("GPL");
