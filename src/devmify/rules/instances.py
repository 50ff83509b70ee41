"""What it does
    Refuses an allocation made in a loop, or released in a loop over instances.

Why it matters
    A release inside a loop (`list_for_each_entry_safe(...) kfree(c)`) frees every
    instance on a list or array, however it got there.  Converting the one allocation
    site devmify can see does not cover instances added elsewhere, and deleting the loop
    would leak them (the seed's iop-adma channel list).  An allocation inside a loop
    makes one object per iteration, each with its own release bookkeeping.

Example
    list_for_each_entry_safe(chan, tmp, &dev->channels, node) {
        list_del(&chan->node);
        kfree(chan);
    }

Instead
    Convert by hand once every place that adds to the list allocates with devm, or
    leave it.
"""

CODE = "DV004"
NAME = "instances"
SUMMARY = "allocated or released in a loop over instances"


def check(f):
    if f.acq.in_loop:
        return f"{f.acq.target} is allocated inside a loop: one object per iteration"
    for r in f.releases + f.suspects:
        if r.context == "loop":
            return f"{r.name}({r.arg}) at line {r.line} runs in a loop over instances"
    return None
