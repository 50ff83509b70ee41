"""What it does
    Refuses a resource that the driver never releases after probe succeeds (memory it
    never frees, an IRQ it never frees, a clock it never puts).

Why it matters
    When the object is handed to a function that takes ownership (the list is data:
    `data/ownership.toml`), or when neither remove() nor anything it calls frees it,
    either the driver leaks it or another owner frees it later (the seed's apbps2
    case: `serio_register_port()` takes the serio and the serio core frees it).  devm
    would free it at unbind behind the new owner's back.

Example
    port = kzalloc(sizeof(*port), GFP_KERNEL);
    ...
    serio_register_port(port);      /* the serio core owns port from here */

Instead
    Check who owns the object.  If it really leaks, fix the leak in its own patch (then
    devmify can convert it); if another subsystem owns it, leave the allocation alone.
"""

from ..known_apis import takes_ownership
from ..source import descendants

CODE = "DV003"
NAME = "ownership"
SUMMARY = "never released by the driver after probe succeeds: it may belong to someone else"


def handed_to(f) -> str | None:
    """The refusal message when the object is passed to a function that owns it after."""
    for fi in f.model.every_function():
        for call in descendants(fi.node.child_by_field_name("body"), "call_expression"):
            name = f.src.text(call.child_by_field_name("function"))
            if name not in takes_ownership():
                continue
            for arg in call.child_by_field_name("arguments").named_children:
                if f.model.canonical(fi, f.src.compact(arg)) == f.acq.path:
                    return (f"{f.acq.target} is handed to {name}() at line "
                            f"{f.src.line_of(call.start_byte)}, which takes ownership of it")
    return None


def check(f):
    transfer = handed_to(f)
    if transfer:
        return transfer
    if any(r.context == "remove" for r in f.releases):
        return None
    if f.model.driver.remove is None:
        return f"{f.acq.target} is never released and the driver has no remove(): ownership cannot be proven"
    return f"{f.acq.target} is not released by remove(): it leaks or is owned by someone else"
