"""What it does
    Refuses a conversion that is only correct together with another one that is not
    being made: a registration whose object stays unmanaged (`devm_iio_device_register()`
    on an `iio_device_alloc()` device), a call that becomes managed only through
    another conversion (`pci_request_regions()` is released by devres only once
    `pci_enable_device()` became `pcim_enable_device()` on the same device), or an
    enable with no managed form alone (`clk_prepare_enable()` merges into
    `devm_clk_get_enabled()` only with its clock's lookup), or a mapping whose region
    claim stays by hand (remove() would give the region up while it is still mapped).

Why it matters
    devm_iio_device_register() unregisters after remove() returns; if remove() still
    frees the IIO device with iio_device_free(), devres unregisters freed memory.  And
    deleting pci_release_regions() without pcim_enable_device() leaks the regions.
    Conversions that depend on each other go in one patch or not at all.

Example
    indio_dev = iio_device_alloc(dev, sizeof(*st));  /* refused for another reason */
    ret = iio_device_register(indio_dev);            /* so this stays too */

Instead
    Make the object managed first (fix what refuses it), then the registration follows.
"""

from __future__ import annotations

from .. import collapse, driver_pairs
from ..catalogue import apis
from ..cfg import key
from ..resources import reach
from . import shape

CODE = "DV020"
NAME = "together"
SUMMARY = "only correct together with another conversion that is not made"


def _managed_source(plan, acq, needed: str) -> bool:
    """``acq``'s object comes from ``needed`` converted here, or from its managed form."""
    if any(a.api.name == needed and a.path == acq.path for a in plan.conversions):
        return True
    managed = apis()[needed].managed
    return any(name == managed and path == acq.path
               for _, _, name, path in plan.model.managed_calls())


def _region_left(plan, acq):
    """For a mapping, the request_mem_region() of the same start that is not converting."""
    if acq.api.cls != "iomem" or acq.api.device != "insert":
        return None
    model, src = plan.model, plan.model.src
    args = acq.call.child_by_field_name("arguments").named_children
    if not args:
        return None
    start = model.canonical(model.info[acq.function], src.compact(args[0]))
    converting = {key(a.call) for a in plan.conversions}
    return next((r for r in model.acquisitions if r.api.name == "request_mem_region"
                 and r.path == start and key(r.call) not in converting), None)


def _released_inside(plan, acq):
    """For a release moved whole into an action (a driver's own disable helper): a
    release inside it that another conversion deletes."""
    if acq.api.cls != driver_pairs.CLASS:
        return None
    return next((r for other in plan.conversions if other is not acq
                 for r in plan.released.get(key(other.call), []) if r.function == acq.api.action), None)


def _container_managed(plan, acq) -> bool:
    """``acq``'s object (`&priv->lock`) is a field of memory devres frees after it: a
    converting or managed allocation made before it, or a file-scope object."""
    path = reach(acq.path)
    if "->" not in path:
        return "@" not in path and ":" not in path  # a global lives forever; a local does not
    holders = set()  # the object and each object it lies inside (iio_priv(indio_dev))
    while "->" in path:
        path = path.rsplit("->", 1)[0]
        holders.add(path)
    if any(a.path in holders and a.order < acq.order for a in plan.conversions if not a.api.status):
        return True
    model = plan.model
    return any(path_ in holders and model.probe_order(fi, call) < acq.order
               for fi, call, _, path_ in model.managed_calls())


def _action_blocked(plan, acq) -> str | None:
    """Why the release cannot move into a devm action instead of the merge, or None."""
    if not acq.api.action:
        return "it has no release a devm action could take over"
    return shape.action_shape(plan.model.src, acq) or collapse.switched_elsewhere(plan, acq)


def check(plan):
    for acq in plan.conversions:
        if acq.api.via and not _managed_source(plan, acq, acq.api.via):
            return acq, (f"{acq.api.name}() is released by devres only after {acq.api.via}() on "
                         f"{acq.target} becomes {acq.api.managed}(), which is not converted")
        merge = collapse.enable_merge(plan, acq) if acq.api.merge else None
        if isinstance(merge, str):
            action = _action_blocked(plan, acq)
            if action:
                why = merge if action == merge else f"{merge}; as a devm action: {action}"
                return acq, f"{acq.api.name}() has no managed form alone and cannot merge: {why}"
        region = _region_left(plan, acq)
        if region is not None:
            return acq, (f"its region, claimed by {region.api.name}() at line {region.line}, stays by "
                         f"hand: remove() would release the claim before devres unmaps it")
        if acq.api.void and collapse.next_check(plan, acq) is None:
            return acq, (f"{acq.api.managed}() returns an error {acq.api.name}() did not, and no "
                         f"checked call follows (`ret = f(...); if (ret) <leave>`, past set-up only) "
                         f"whose exit devmify could copy")
        inner = _released_inside(plan, acq)
        if inner is not None:
            return acq, (f"{acq.api.action}() also releases {inner.arg} ({inner.name}() at line "
                         f"{inner.line}), which converts on its own: one of the two must stay")
        if acq.api.container and not _container_managed(plan, acq):
            return acq, (f"{acq.target} lives in memory that is not allocated with devres before it: "
                         f"{acq.api.managed}() would run {acq.api.releases[0]}() on it after it is freed")
        if acq.api.requires and not any(_managed_source(plan, acq, n) for n in acq.api.requires):
            return acq, (f"{acq.api.managed}() needs {acq.target} from a managed "
                         f"{' or '.join(n + '()' for n in acq.api.requires)}, which is not converted")
    return None
