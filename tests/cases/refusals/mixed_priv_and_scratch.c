// SPDX-License-Identifier: GPL-2.0
/* Mixed: priv converts while the scratch page freed on success stays kmalloc (DV001). */
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/slab.h>

#define EEPX_PAGE	16

struct eepx {
	struct i2c_client *client;
	u8 serial;
};

static int eepx_read_page(struct i2c_client *client, u8 *page)
{
	int ret = i2c_smbus_read_byte_data(client, 0);

	if (ret < 0)
		return ret;
	page[0] = ret;
	return 0;
}

static int eepx_probe(struct i2c_client *client)
{
	struct eepx *ee;
	u8 *page;
	int ret;

	ee = kzalloc(sizeof(*ee), GFP_KERNEL);
	if (!ee)
		return -ENOMEM;

	page = kmalloc(EEPX_PAGE, GFP_KERNEL);
	if (!page) {
		ret = -ENOMEM;
		goto err_free;
	}
	ret = eepx_read_page(client, page);
	if (ret)
		goto err_page;
	ee->client = client;
	ee->serial = page[0];
	kfree(page);

	i2c_set_clientdata(client, ee);
	return 0;

err_page:
	kfree(page);
err_free:
	kfree(ee);
	return ret;
}

static void eepx_remove(struct i2c_client *client)
{
	struct eepx *ee = i2c_get_clientdata(client);

	kfree(ee);
}

static struct i2c_driver eepx_driver = {
	.driver = {
		.name = "eepx",
	},
	.probe_new = eepx_probe,
	.remove = eepx_remove,
};
module_i2c_driver(eepx_driver);

MODULE_LICENSE("GPL");
