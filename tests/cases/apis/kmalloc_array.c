// SPDX-License-Identifier: GPL-2.0
/* kmalloc_array() -> devm_kmalloc_array() for a lookup table in an i2c driver. */
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/slab.h>

#define GAMX_STEPS	32

struct gamx {
	struct i2c_client *client;
	u16 *curve;
};

static int gamx_probe(struct i2c_client *client)
{
	struct gamx *gx;
	int i, ret;

	gx = devm_kzalloc(&client->dev, sizeof(*gx), GFP_KERNEL);
	if (!gx)
		return -ENOMEM;

	gx->client = client;
	gx->curve = kmalloc_array(GAMX_STEPS, sizeof(*gx->curve), GFP_KERNEL);
	if (!gx->curve)
		return -ENOMEM;

	for (i = 0; i < GAMX_STEPS; i++) {
		ret = i2c_smbus_read_byte_data(client, i);
		if (ret < 0)
			goto err_free_curve;
		gx->curve[i] = ret << 8;
	}

	i2c_set_clientdata(client, gx);
	return 0;

err_free_curve:
	kfree(gx->curve);
	return ret;
}

static void gamx_remove(struct i2c_client *client)
{
	struct gamx *gx = i2c_get_clientdata(client);

	kfree(gx->curve);
}

static struct i2c_driver gamx_driver = {
	.driver = {
		.name = "gamx",
	},
	.probe_new = gamx_probe,
	.remove = gamx_remove,
};
module_i2c_driver(gamx_driver);

MODULE_LICENSE("GPL");
