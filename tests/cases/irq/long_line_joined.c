// SPDX-License-Identifier: GPL-2.0
/* The rename would take the call's first line past 100 columns: the last argument that
 * does not fit moves down, joining the continuation line where it fits. */
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/slab.h>

#define PRXS_REG_STATUS	0x02

struct prxs_chip {
	struct i2c_client *client;
	int last_status;
};

static irqreturn_t prxs_irq_thread(int irq, void *data)
{
	struct prxs_chip *chip = data;
	int status;

	status = i2c_smbus_read_byte_data(chip->client, PRXS_REG_STATUS);
	if (status < 0)
		return IRQ_NONE;
	chip->last_status = status;
	return IRQ_HANDLED;
}

static int prxs_probe(struct i2c_client *client)
{
	struct prxs_chip *chip;
	int ret;

	chip = devm_kzalloc(&client->dev, sizeof(*chip), GFP_KERNEL);
	if (!chip)
		return -ENOMEM;
	chip->client = client;

	ret = request_threaded_irq(client->irq, NULL, prxs_irq_thread, IRQF_ONESHOT,
				   "prxs", chip);
	if (ret)
		return ret;

	i2c_set_clientdata(client, chip);
	return 0;
}

static void prxs_remove(struct i2c_client *client)
{
	struct prxs_chip *chip = i2c_get_clientdata(client);

	free_irq(client->irq, chip);
}

static const struct i2c_device_id prxs_id[] = {
	{ "prxs", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, prxs_id);

static struct i2c_driver prxs_driver = {
	.driver = {
		.name = "prxs",
	},
	.probe_new = prxs_probe,
	.remove = prxs_remove,
	.id_table = prxs_id,
};
module_i2c_driver(prxs_driver);

MODULE_LICENSE("GPL");
