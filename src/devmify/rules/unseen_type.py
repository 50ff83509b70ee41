"""What it does
    Refuses memory whose struct, or a struct it embeds by value (three levels down), has
    a definition in neither the file nor the headers found for it: a file outside a
    kernel tree, a copy of drivers/ without include/, a header under arch/.  Kernel
    structs known to embed nothing refcounted (`mutex`, `work_struct`, `completion`,
    `led_classdev`, ...) do not count.  Asked after every other rule: a known reason is
    reported first.

Why it matters
    DV006 refuses memory that embeds a refcounted object (a `struct device`, a `kref`,
    ...), because devres would free it while a reference can still reach it.  Without
    the definition of an embedded struct devmify cannot tell: run over a copy of 6.1's
    drivers/ without include/, it once converted 34 allocations it refuses in the tree,
    of structs embedding a `struct dvb_frontend` (which holds a `kref`).

Example
    #include <media/dvb_frontend.h>        /* not found */
    struct demx_state {
            struct dvb_frontend fe;        /* what is in it? */
    };
    state = kzalloc(sizeof(*state), GFP_KERNEL);

Instead
    Run devmify from inside the kernel tree (it reads `"x.h"` beside the file, and
    `<x.h>` under the include/ and include/uapi/ above it), or convert by hand after
    checking the embedded struct.
"""

from __future__ import annotations

from ..source import SourceFile
from ..structs import embedded_types
from .lifetime import NESTING, REFCOUNTED_MEMBERS, SYNCHRONOUS_RELEASE

CODE = "DV022"
NAME = "unseen-type"
SUMMARY = "(memory) a struct it embeds has no definition devmify can find"

# Kernel structs that embed no refcounted object within NESTING levels in 6.1 (the
# real-tree tests check each against the tree's headers): a driver struct embedding one
# converts even where its header cannot be found.
PLAIN = (
    "mutex", "spinlock", "raw_spinlock", "rw_semaphore", "semaphore", "list_head",
    "hlist_head", "hlist_node", "work_struct", "delayed_work", "completion", "timer_list",
    "hrtimer", "wait_queue_head", "notifier_block", "tasklet_struct", "clk_hw",
    "led_classdev", "watchdog_device", "idr", "ida", "serial_rs485", "serial_iso7816",
    "v4l2_mbus_framefmt",
)


def unseen_chain(src: SourceFile, struct_name: str, depth: int = NESTING) -> list[str]:
    """The embedding chain from `struct <struct_name>` down to a struct whose definition
    is in neither the file nor the headers found for it (`["foo_state", "dvb_frontend"]`),
    ``depth`` levels down; [] when every definition was found."""
    members = embedded_types(src, struct_name)
    if members is None:
        return [struct_name]
    if depth > 1:
        for m in dict.fromkeys(t for t, _ in members):
            if m and m not in REFCOUNTED_MEMBERS + SYNCHRONOUS_RELEASE + PLAIN:
                chain = unseen_chain(src, m, depth - 1)
                if chain:
                    return [struct_name, *chain]
    return []


def check(f):
    if f.acq.api.cls != "memory":
        return None
    tp = f.acq.type_path
    name = tp.removeprefix("struct ") if tp and "->" not in tp else ""
    unseen = unseen_chain(f.src, name) if name.isidentifier() else []  # not `s.member`
    if not unseen:
        return None
    what = (f"{tp} " + ", which ".join(f"embeds a struct {m}" for m in unseen[1:])
            + ", whose definition" if len(unseen) > 1 else f"the definition of {tp}")
    return (f"{what} is in neither the file nor the headers found for it (is the kernel's "
            f"include/ above it?): it may embed a refcounted object")
