// SPDX-License-Identifier: GPL-2.0
/*
 * Example I2C driver for devmify's bundled tree: the private data converts, the
 * calibration scratch buffer (freed before probe returns) is refused as transient.
 */
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/slab.h>

struct thermo {
	struct i2c_client *client;
	int offset;
};

static int thermo_probe(struct i2c_client *client)
{
	struct thermo *th;
	u8 *calib;
	int i, ret;

	th = kzalloc(sizeof(*th), GFP_KERNEL);
	if (!th)
		return -ENOMEM;

	calib = kmalloc(8, GFP_KERNEL);
	if (!calib) {
		kfree(th);
		return -ENOMEM;
	}

	for (i = 0; i < 8; i++) {
		ret = i2c_smbus_read_byte_data(client, 0x10 + i);
		if (ret < 0)
			goto err_free;
		calib[i] = ret;
	}
	th->offset = calib[0] - calib[1];
	kfree(calib);

	th->client = client;
	i2c_set_clientdata(client, th);
	return 0;

err_free:
	kfree(calib);
	kfree(th);
	return ret;
}

static void thermo_remove(struct i2c_client *client)
{
	struct thermo *th = i2c_get_clientdata(client);

	kfree(th);
}

static struct i2c_driver thermo_driver = {
	.driver = {
		.name = "thermo",
	},
	.probe_new = thermo_probe,
	.remove = thermo_remove,
};
module_i2c_driver(thermo_driver);

MODULE_LICENSE("GPL");
