// SPDX-License-Identifier: GPL-2.0
/* No finding: each queue is put on the driver's list as soon as it is allocated, and the
 * error path frees the whole list with lqo_free_queues().  The list owns the memory; a
 * return after list_add() leaks nothing. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/list.h>

struct lqo_queue {
	struct list_head node;
	int id;
};

struct lqo {
	struct list_head queues;
};

static void lqo_free_queues(struct lqo *l)
{
	struct lqo_queue *q, *tmp;

	list_for_each_entry_safe(q, tmp, &l->queues, node) {
		list_del(&q->node);
		kfree(q);
	}
}

static int lqo_add_queue(struct lqo *l, int id)
{
	struct lqo_queue *q;

	q = kzalloc(sizeof(*q), GFP_KERNEL);
	if (!q)
		return -ENOMEM;
	list_add(&q->node, &l->queues);
	if (id > 8)
		return -EINVAL;
	q->id = id;
	return 0;
}

static int lqo_probe(struct platform_device *pdev)
{
	struct lqo *l;
	int ret;

	l = devm_kzalloc(&pdev->dev, sizeof(*l), GFP_KERNEL);
	if (!l)
		return -ENOMEM;
	INIT_LIST_HEAD(&l->queues);

	ret = lqo_add_queue(l, pdev->id);
	if (ret)
		goto err_free;

	platform_set_drvdata(pdev, l);
	return 0;

err_free:
	lqo_free_queues(l);
	return ret;
}

static int lqo_remove(struct platform_device *pdev)
{
	lqo_free_queues(platform_get_drvdata(pdev));
	return 0;
}

static struct platform_driver lqo_driver = {
	.probe = lqo_probe,
	.remove = lqo_remove,
	.driver = { .name = "lqo" },
};
module_platform_driver(lqo_driver);
MODULE_LICENSE("GPL");
