"""What it does
    Refuses memory whose pointer is assigned anywhere else in the file.

Why it matters
    If the same field is reassigned (a new buffer in an ioctl, a krealloc(), a second
    allocation under `#ifdef`), the kfree() calls devmify would delete may free the
    other object, and the devm allocation would be dropped without being freed.

Example
    priv->buf = kzalloc(len, GFP_KERNEL);           /* probe */
    ...
    priv->buf = krealloc(priv->buf, n, GFP_KERNEL); /* elsewhere */

Instead
    Leave it unmanaged, or use devm_krealloc() consistently by hand.
"""

CODE = "DV011"
NAME = "reassigned"
SUMMARY = "the pointer is assigned elsewhere in the file"


def check(f):
    for fi, asg in f.assignments:
        if f.src.compact(asg.child_by_field_name("right")) in ("NULL", "0"):
            continue
        return f"{f.acq.target} is also assigned at line {f.src.line_of(asg.start_byte)} in {fi.name}()"
    return None
