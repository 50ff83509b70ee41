// SPDX-License-Identifier: GPL-2.0
/* The nearest safe case to dv022_embedded_unseen: the structs embedded here (a
 * work_struct, a mutex) are not defined where devmify can read them either, but they
 * are kernel structs known to embed nothing refcounted, so the state converts. */
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct demy_state {
	struct i2c_client *client;
	struct work_struct irq_work;
	struct mutex lock;
	u32 bandwidth;
};

static int demy_probe(struct i2c_client *client)
{
	struct demy_state *state;

	state = kzalloc(sizeof(*state), GFP_KERNEL);
	if (!state)
		return -ENOMEM;

	state->client = client;
	i2c_set_clientdata(client, state);
	return 0;
}

static void demy_remove(struct i2c_client *client)
{
	struct demy_state *state = i2c_get_clientdata(client);

	kfree(state);
}

static struct i2c_driver demy_driver = {
	.driver = {
		.name = "demy",
	},
	.probe_new = demy_probe,
	.remove = demy_remove,
};
module_i2c_driver(demy_driver);

MODULE_LICENSE("GPL");
