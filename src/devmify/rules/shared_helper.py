"""What it does
    Refuses an allocation in a helper that is also called from outside probe.

Why it matters
    A helper called from probe and from, say, resume or an ioctl would make devm
    allocations outside probe: each call adds memory to the device that is only freed
    at unbind, a leak that grows with every call.

Example
    static int foo_alloc_bufs(struct foo *priv) { ... kzalloc ... }
    /* called from foo_probe() and from foo_resume() */

Instead
    Leave the helper unmanaged, or move the allocation into probe.
"""

from ..source import enclosing_function, function_name

CODE = "DV014"
NAME = "shared-helper"
SUMMARY = "allocated in a helper that is also called from outside probe"


def check(f):
    fi = f.model.info[f.acq.function]
    for caller, call in fi.callers:
        if caller is None or caller.role not in ("probe", "probe-helper"):
            outer = enclosing_function(call)
            name = caller.name if caller else (function_name(outer, f.src) if outer else "file scope")
            return f"{fi.name}() is also called from {name}() at line {f.src.line_of(call.start_byte)}"
    return None
