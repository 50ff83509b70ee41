"""What it does
    Refuses a pointer that on some path holds the address of a static or global object.

Why it matters
    The driver's own code knows not to free the static instance (the seed's hvc_opal
    boot console, whose early-boot private data is a static object).  Converting the
    allocation makes the free implicit, and any path that skipped kfree() on purpose
    can no longer say so.

    The address may arrive through a global: `pv = privs[n]` where `privs[0] =
    &boot_priv` elsewhere in the file.

Example
    if (privs[n] == &boot_priv)
        pv = privs[n];
    else
        pv = kzalloc(sizeof(*pv), GFP_KERNEL);

Instead
    Leave it unmanaged, or split the static and the allocated case so that only the
    allocated object is devm-managed.
"""

import re

CODE = "DV002"
NAME = "static-alias"
SUMMARY = "the pointer may hold the address of a static object"


def _root(text: str) -> str:
    return re.split(r"->|\.|\[", text.lstrip("&"), maxsplit=1)[0]


def _static_address(f, text: str) -> bool:
    return text.startswith("&") and _root(text) in f.model.globals


def check(f):
    for fi, asg in f.assignments:
        text = f.src.compact(asg.child_by_field_name("right"))
        line = f.src.line_of(asg.start_byte)
        if _static_address(f, text):
            return f"{f.acq.target} is also assigned {text} (a static object) at line {line}"
        root = _root(text)
        if root not in f.model.globals or root in fi.locals:
            continue
        for _, other in f.model.all_assignments():
            left = f.src.compact(other.child_by_field_name("left"))
            value = f.src.compact(other.child_by_field_name("right"))
            if _root(left) == root and _static_address(f, value):
                return (f"{f.acq.target} is also assigned {text} at line {line}, and {left} "
                        f"holds {value} (a static object) from line {f.src.line_of(other.start_byte)}")
    return None
