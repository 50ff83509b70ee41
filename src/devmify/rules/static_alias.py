"""What it does
    Refuses a pointer that on some path holds the address of a static or global object.

Why it matters
    The driver's own code knows not to free the static instance (the seed's hvc_opal
    boot console, whose early-boot private data is a static object).  Converting the
    allocation makes the free implicit, and any path that skipped kfree() on purpose
    can no longer say so.

Example
    if (boot)
        pv = &boot_priv;
    else
        pv = kzalloc(sizeof(*pv), GFP_KERNEL);

Instead
    Leave it unmanaged, or split the static and the allocated case so that only the
    allocated object is devm-managed.
"""

CODE = "DV002"
NAME = "static-alias"
SUMMARY = "the pointer may hold the address of a static object"


def check(f):
    for fi, asg in f.assignments:
        right = asg.child_by_field_name("right")
        text = f.src.compact(right)
        if text.startswith("&") and text[1:].split("->")[0].split(".")[0] in f.model.globals:
            line = f.src.line_of(asg.start_byte)
            return f"{f.acq.target} is also assigned {text} (a static object) at line {line}"
    return None
