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
    # a merge needs no action, and an unchecked call the next check's exit (DV020 decides)
    if f.acq.api.action and not f.acq.api.merge and not f.acq.api.void:
        return action_shape(f.src, f.acq)
    args = f.acq.call.child_by_field_name("arguments").named_children
    given = [i for i in f.acq.api.null_args if i >= len(args) or f.src.compact(args[i]) not in ("NULL", "0")]
    if given:
        return (f"{f.acq.api.name}() is given {f.src.compact(args[given[0]]) if given[0] < len(args) else 'nothing'} "
                f"where {f.acq.api.managed}() has no such argument (it passes NULL)")
    if f.acq.api.void and f.src.compact(f.acq.stmt) != f.src.compact(f.acq.call) + ";":
        return f"{f.acq.api.name}() is not a statement of its own that a status check could follow"
    return None


def action_shape(src, acq) -> str | None:
    """Why the release cannot move into a devm action after ``acq``, or None."""
    if collapse.checked_call(src, acq) is None:
        return (f"{acq.api.name}() is not checked as `ret = {acq.api.name}(...); if (ret) ...`: "
                f"devmify has no error exit to give devm_add_action_or_reset()")
    if len(acq.call.child_by_field_name("arguments").named_children) != 1:
        return f"{acq.api.action}() would need more than the one pointer a devm action is given"
    return None
