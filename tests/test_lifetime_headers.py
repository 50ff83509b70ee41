"""DV006 looks for the allocated struct in the headers a driver includes."""

from __future__ import annotations

from devmify.pipeline import analyse_path

DRIVER = b"""// SPDX-License-Identifier: GPL-2.0
#include <linux/platform_device.h>
#include <linux/slab.h>
#include "ringer.h"

static int ringer_probe(struct platform_device *pdev)
{
	struct ringer *rg;

	rg = kzalloc(sizeof(*rg), GFP_KERNEL);
	if (!rg)
		return -ENOMEM;
	platform_set_drvdata(pdev, rg);
	return 0;
}

static int ringer_remove(struct platform_device *pdev)
{
	struct ringer *rg = platform_get_drvdata(pdev);

	kfree(rg);
	return 0;
}

static struct platform_driver ringer_driver = {
	.probe = ringer_probe,
	.remove = ringer_remove,
};
"""


def _run(tmp_path, header: bytes, nested: bool = False):
    drv = tmp_path / "drivers" / "misc"
    inc = tmp_path / "include" / "linux" / "platform_data"
    drv.mkdir(parents=True)
    inc.mkdir(parents=True)
    if nested:  # ringer.h only includes the platform_data header that defines the struct
        (inc / "ringer.h").write_bytes(header)
        (drv / "ringer.h").write_bytes(b"#include <linux/platform_data/ringer.h>\n")
    else:
        (drv / "ringer.h").write_bytes(header)
    (drv / "ringer.c").write_bytes(DRIVER)
    result = analyse_path(str(drv / "ringer.c"), str(drv / "ringer.c"))
    return result.plans[0]


def test_struct_embedding_a_kref_in_a_header_is_refused(tmp_path):
    plan = _run(tmp_path, b"struct kref { int r; };\nstruct ringer { struct kref ref; int n; };\n")
    assert plan.conversions == []
    assert [(r.rule, r.target) for r in plan.refusals] == [("DV006", "rg")]
    assert "embeds a struct kref" in plan.refusals[0].message


def test_struct_found_through_a_nested_include(tmp_path):
    plan = _run(tmp_path, b"struct ringer { struct dma_device common; };\n", nested=True)
    assert [r.rule for r in plan.refusals] == ["DV006"]


def test_nearest_safe_case_a_pointer_to_a_refcounted_object(tmp_path):
    plan = _run(tmp_path, b"struct ringer { struct kref *ref; int n; };\n")
    assert plan.refusals == []
    assert [a.target for a in plan.conversions] == ["rg"]
