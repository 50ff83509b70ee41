"""What it does
    Refuses an allocation whose result is not simply assigned to a variable or field.

Why it matters
    devmify tracks an object through the lvalue it is stored in.  An allocation used in
    a condition (`if (!(p = kzalloc(...)))`), returned, or passed straight to another
    call has no access path to match its kfree() with.

Example
    return kmemdup(tbl, len, GFP_KERNEL);

Instead
    Assign the result to a variable first, or convert by hand.
"""

CODE = "DV013"
NAME = "shape"
SUMMARY = "the allocation's result is not stored in a variable or field devmify can follow"


def check(f):
    if f.acq.stmt is None or not f.acq.target:
        return f"the result of {f.acq.api.name}() is not assigned to a variable or field"
    return None
