"""What it does
    Reports an acquisition devmify knows a managed form of that sits in a callback probe
    never calls: an `open`/`ndo_open`/`startup` handler, a work item, a timer, an ioctl.
    It stays as it is.

Why it matters
    devres ties a resource to the device's binding: it is released once, at unbind.  A
    resource taken in open() and given back in release() lives for one open; made
    managed, every open would take another copy that nothing gives back until the
    device goes away (an IRQ requested twice fails with -EBUSY; memory leaks per
    open).  The managed form is wrong there even though it exists.

Example
    static int foo_open(struct net_device *ndev)
    {
        return request_irq(priv->irq, foo_isr, 0, ndev->name, ndev);  /* freed in stop */

Instead
    Keep the pair by hand in open/close, or move the acquisition into probe if it
    really lives as long as the binding.
"""

from ..catalogue import apis
from ..source import descendants

CODE = "DV021"
NAME = "outside-probe"
SUMMARY = "acquired in a callback probe does not call: its lifetime is not the binding's"


def callbacks(model):
    """(function, call node, name) for catalogue acquisitions (not memory) in functions that are
    neither probe, remove nor their helpers, and are not called by name in the file
    (used only through a pointer: an ops table, a work item)."""
    called = {model.src.text(c.child_by_field_name("function"))
              for fi in model.every_function()
              for c in descendants(fi.node.child_by_field_name("body"), "call_expression")}
    for fi in model.every_function():
        if fi.role != "other" or fi.name in called:
            continue
        for call in descendants(fi.node.child_by_field_name("body"), "call_expression"):
            name = model.src.text(call.child_by_field_name("function"))
            api = apis().get(name)
            # enables (clk_prepare_enable() in resume) switch a resource; they acquire
            # nothing; memory per open or per request is what nobody would devm
            if api is not None and api.cls != "memory" and not (api.via or api.merge or api.action):
                yield fi.name, call, name


def message(function: str, name: str) -> str:
    return (f"{name}() in {function}(), a callback probe does not call (open, start, a work "
            f"item): what it acquires lives until its own release there, not until unbind, "
            f"so {apis()[name].managed}() would be wrong")
