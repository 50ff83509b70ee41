"""What it does
    Refuses memory that is the callback data of a registration with no managed form
    (a subsystem-private IRQ or event helper), or that is freed while a lock is held.

Why it matters
    The driver hands the object to a subsystem helper together with one of its own
    callbacks (`mc13xxx_irq_request(mc, irq, handler, "b1on", priv)`), and tears the
    registration down by hand, sometimes under the subsystem's lock.  devres cannot
    manage that registration, so converting only the memory leaves an active callback
    whose data is released by a different mechanism than the callback itself: the
    style mixing maintainers reject (the seed's mc13783 and pcf50633 drivers).  A
    kfree() done inside a lock section would move out of it, after remove(), which
    changes what the lock protects.

Example
    priv = kzalloc(sizeof(*priv), GFP_KERNEL);
    mc13xxx_irq_request(mc13783, MC13783_IRQ_ONOFD1, button_irq, "b1on", priv);
    ...
    mc13xxx_lock(priv->mc13783);            /* remove() */
    mc13xxx_irq_free(priv->mc13783, MC13783_IRQ_ONOFD1, priv);
    mc13xxx_unlock(priv->mc13783);
    kfree(priv);

Instead
    Give the registration a managed form first (a devm_ variant of the helper, or a
    devm_add_action_or_reset() that unregisters it), then convert the memory.
"""

from ..known_apis import has_managed_form, lock_call
from ..source import descendants, strip_casts

CODE = "DV007"
NAME = "private-helper"
SUMMARY = "callback data of a registration with no managed form, or freed under a lock"


def _held_lock(fn, offset: int, src) -> str | None:
    """A lock taken (in text order) before ``offset`` in ``fn`` and not yet released."""
    held: dict[str, str] = {}
    for call in descendants(fn.child_by_field_name("body"), "call_expression"):
        if call.start_byte >= offset:
            break
        name = src.text(call.child_by_field_name("function"))
        lc = lock_call(name)
        if lc is None:
            continue
        family, unlock = lc
        if unlock:
            held.pop(family, None)
        else:
            held[family] = name
    return next(iter(held.values()), None)


def check(f):
    for r in f.releases:
        lock = _held_lock(f.model.fns[r.function], r.call.start_byte, f.src)
        if lock is not None:
            return f"{r.name}({r.arg}) at line {r.line} runs under {lock}(): devres would free it outside the lock"
    if f.acq.api.cls != "memory":
        return None
    for fi, call, name in f.model.probe_calls:
        if has_managed_form(name) or name in f.model.fns:
            continue
        args = call.child_by_field_name("arguments").named_children
        callbacks = [a for a in args if a.type == "identifier" and f.src.text(a) in f.model.fns]
        data = [a for a in args
                if f.model.canonical(fi, f.src.compact(strip_casts(a))) == f.acq.path]
        if callbacks and data:
            return (f"{f.acq.target} is callback data of {name}() at line "
                    f"{f.src.line_of(call.start_byte)}, a registration with no managed form "
                    f"torn down by hand: converting only the memory mixes styles")
    return None
