"""What it does
    Refuses memory that embeds a work item, timer or tasklet which the driver starts
    but never cancels, flushes or kills anywhere.

Why it matters
    devres frees the memory right after remove() returns.  A work item or timer that
    nothing cancels can still be queued at that point (an unregister call in remove()
    may even queue it, as an LED class device does when it switches the LED off) and
    then runs on freed memory.  The bug exists with kfree() too; converting it hides it
    behind devres where no reviewer will look for it.

Example
    struct chip {
        struct pwm { struct work_struct work; } pwm[3];
    };
    INIT_WORK(&chip->pwm[i].work, chip_pwm_work);   /* probe; never cancelled */

Instead
    Cancel the work in remove() (cancel_work_sync()) or register it with
    devm_work_autocancel() before converting the memory; then run devmify again.
"""

from ..source import descendants
from ..structs import embedded_closure

CODE = "DV018"
NAME = "pending-work"
SUMMARY = "embeds a work item, timer or tasklet that nothing cancels"

KIND = {"work_struct": "work", "delayed_work": "work", "timer_list": "timer",
        "hrtimer": "hrtimer", "tasklet_struct": "tasklet"}
STARTS = {
    "work": ("INIT_WORK", "INIT_DELAYED_WORK", "INIT_DEFERRABLE_WORK"),
    "timer": ("timer_setup", "setup_timer", "init_timer"),
    "hrtimer": ("hrtimer_init",),
    "tasklet": ("tasklet_init", "tasklet_setup"),
}
STOPS = {
    "work": ("cancel_work_sync", "cancel_work", "flush_work", "cancel_delayed_work_sync",
             "cancel_delayed_work", "flush_delayed_work", "devm_work_autocancel",
             "devm_delayed_work_autocancel"),
    "timer": ("del_timer_sync", "del_timer", "timer_shutdown_sync", "timer_shutdown",
              "timer_delete_sync", "timer_delete", "del_singleshot_timer_sync"),
    "hrtimer": ("hrtimer_cancel", "hrtimer_try_to_cancel"),
    "tasklet": ("tasklet_kill",),
}
# Calls that stop every work item of a queue at once.
QUEUE_WIDE = ("flush_workqueue", "destroy_workqueue", "drain_workqueue", "flush_scheduled_work")


def _calls(src):
    """(function name, identifiers and field names in its arguments) for every call."""
    for call in descendants(src.root, "call_expression"):
        args = call.child_by_field_name("arguments")
        names = {src.text(n) for n in descendants(args, "identifier", "field_identifier")}
        yield src.text(call.child_by_field_name("function")), names


def check(f):
    if f.acq.api.cls != "memory":  # about kmalloc-family objects only
        return None
    tp = f.acq.type_path
    if not tp or "->" in tp:
        return None
    active = [(typ, field) for typ, field in embedded_closure(f.src, tp.removeprefix("struct "))
              if typ in KIND]
    if not active:
        return None
    calls = list(_calls(f.src))
    for typ, field in active:
        kind = KIND[typ]
        if not any(name in STARTS[kind] and field in args for name, args in calls):
            continue
        if any(name in STOPS[kind] and field in args for name, args in calls):
            continue
        if kind == "work" and any(name in QUEUE_WIDE for name, _ in calls):
            continue
        return (f"{tp} embeds a struct {typ} '{field}' that nothing in the driver cancels: "
                f"it can run after devres frees the memory")
    return None
