"""What it does
    Refuses an acquisition where the device being bound is not in scope, or where the
    call already takes a device (`clk_get(dev, ...)`, `dma_alloc_coherent(dev, ...)`,
    `pci_enable_device(pdev)`) that is not provably the one being bound.

Why it matters
    devm memory lives as long as the device it is attached to.  A helper that receives
    some `struct device *` might be handed a parent, a child or a component device; the
    memory would then be freed at the wrong unbind.  devmify converts only where it can
    prove the device is the one probe received (the probe parameter, a `dev` local set
    from it, or a helper parameter every caller passes it as).

Example
    static int foo_setup(struct foo *priv)          /* no device here */
    {
        priv->buf = kzalloc(SZ, GFP_KERNEL);

    priv->clk = clk_get(priv->parent, "bus");       /* whose lifetime? */

Instead
    Pass the bound device down to the helper, or convert by hand.
"""

from ..catalogue import BUS, INSERT, KEEP, OF_NODE

CODE = "DV008"
NAME = "wrong-device"
SUMMARY = "the device being bound is not provably in scope"


def check(f):
    api = f.acq.api
    if api.device in (KEEP, BUS) and not f.acq.device_ok:
        args = f.acq.call.child_by_field_name("arguments").named_children
        given = f.src.compact(args[api.device_arg]) if api.device_arg < len(args) else "nothing"
        return (f"{api.name}() is given {given}, which is not provably the device being bound; "
                f"{api.managed}() would tie the resource to it")
    if (api.device == OF_NODE or api.device_args) and not f.acq.device_ok:
        args = f.acq.call.child_by_field_name("arguments").named_children
        given = ", ".join(f.src.compact(a) for a in args)
        return (f"{api.name}({given}) is not provably on the bound device's own of_node (and "
                f"device): {api.managed}() would always use the bound device's")
    if (api.device in (INSERT, OF_NODE) or api.action) and f.acq.device is None:
        return f"no expression for the bound device is in scope in {f.acq.function}()"
    return None
