"""What it does
    Refuses an allocation whose result is not simply assigned to a variable or field.

Why it matters
    devmify tracks an object through the lvalue it is stored in.  An allocation used in
    a condition (`if (!(p = kzalloc(...)))`), returned, or passed straight to another
    call has no access path to match its kfree() with.

    For a resource whose release moves into a devm action, the action needs a status
    variable and an error exit to copy (`ret = regulator_enable(r); if (ret) goto err;`).

Example
    return kmemdup(tbl, len, GFP_KERNEL);

Instead
    Assign the result to a variable first, or convert by hand.
"""

from .. import collapse

CODE = "DV013"
NAME = "shape"
SUMMARY = "the allocation's result is not stored in a variable or field devmify can follow"


def check(f):
    if f.acq.stmt is None or not f.acq.target:
        return f"the result of {f.acq.api.name}() is not assigned to a variable or field"
    if f.acq.api.action and collapse.checked_call(f.src, f.acq) is None:
        return (f"{f.acq.api.name}() is not checked as `ret = {f.acq.api.name}(...); if (ret) ...`: "
                f"devmify has no error exit to give devm_add_action_or_reset()")
    if f.acq.api.action and len(f.acq.call.child_by_field_name("arguments").named_children) != 1:
        return f"{f.acq.api.action}() would need more than the one pointer a devm action is given"
    return None
