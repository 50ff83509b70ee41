// SPDX-License-Identifier: GPL-2.0
/* The state embeds a struct dvb_frontend, defined in a header devmify cannot read here
 * (no kernel include/ above the file): in 6.1 it embeds a kref, so converting would be
 * wrong, and without its definition devmify cannot tell; refused (DV022). */
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <media/dvb_frontend.h>

struct demx_state {
	struct i2c_client *client;
	struct dvb_frontend fe;
	u32 bandwidth;
};

static int demx_probe(struct i2c_client *client)
{
	struct demx_state *state;

	state = kzalloc(sizeof(*state), GFP_KERNEL);
	if (!state)
		return -ENOMEM;

	state->client = client;
	state->fe.demodulator_priv = state;
	i2c_set_clientdata(client, state);
	return 0;
}

static void demx_remove(struct i2c_client *client)
{
	struct demx_state *state = i2c_get_clientdata(client);

	kfree(state);
}

static struct i2c_driver demx_driver = {
	.driver = {
		.name = "demx",
	},
	.probe_new = demx_probe,
	.remove = demx_remove,
};
module_i2c_driver(demx_driver);

MODULE_LICENSE("GPL");
