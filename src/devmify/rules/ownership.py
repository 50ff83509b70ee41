"""What it does
    Refuses memory that the driver never frees after probe succeeds.

Why it matters
    When neither remove() nor anything it calls frees the object, either the driver
    leaks it, or it has handed it to another owner that frees it later (the seed's
    apbps2 case: `serio_register_port()` takes the serio and the serio core frees it).
    devm would free it at unbind behind the new owner's back.

Example
    port = kzalloc(sizeof(*port), GFP_KERNEL);
    ...
    serio_register_port(port);      /* the serio core owns port from here */

Instead
    Check who owns the object.  If it really leaks, fix the leak in its own patch (then
    devmify can convert it); if another subsystem owns it, leave the allocation alone.
"""

CODE = "DV003"
NAME = "ownership"
SUMMARY = "never freed by the driver after probe succeeds: it may belong to someone else"


def check(f):
    if any(r.context == "remove" for r in f.releases):
        return None
    if f.model.driver.remove is None:
        return f"{f.acq.target} is never freed and the driver has no remove(): ownership cannot be proven"
    return f"{f.acq.target} is not freed by remove(): it leaks or is owned by someone else"
