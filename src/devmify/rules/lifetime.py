"""What it does
    Refuses memory that user space or a reference count can keep alive after unbind:
    a struct that embeds a `struct device`, `kobject`, `kref`, `cdev`, `miscdevice`,
    `video_device`, `v4l2_device`, `fb_info`, `serio`, ..., or an object stored in a
    file's `private_data`.  (A struct whose definition cannot be found at all is
    DV022's.)

Why it matters
    devres frees at unbind, but an open file descriptor or an outstanding reference can
    outlive unbind: the next read(), ioctl() or release() then touches freed memory.
    This is the "devm_kzalloc() considered harmful" class (Laurent Pinchart, LPC 2022):
    such memory must be freed from the object's own release path, not by devres.

Example
    struct foo {
        struct miscdevice misc;     /* user space opens /dev/foo */
        ...
    };
    priv = kzalloc(sizeof(*priv), GFP_KERNEL);
    misc_register(&priv->misc);

Instead
    Keep kzalloc() and free the memory in the refcounted object's release callback
    (e.g. a kref put, or the file's release() after the last close).
"""

from ..source import SourceFile
from ..structs import embedded_types
from . import ownership

CODE = "DV006"
NAME = "lifetime"
SUMMARY = "reachable after unbind (embedded refcounted object or a file's private_data)"

# Embedded (not pointed-to) members that give a struct a lifetime of its own.
REFCOUNTED_MEMBERS = (
    "device", "kobject", "kref", "cdev", "miscdevice", "video_device", "v4l2_device",
    "fb_info", "serio", "input_dev", "tty_port", "gendisk",
    "rtc_device", "mtd_info", "gameport", "snd_card", "net_device", "dma_device",
)
# Embedded objects whose subsystem waits for the last reference when unregistering
# (i2c_del_adapter() waits for dev_released; fw_core_remove_card() waits on
# card->done): memory embedding them is not touched after remove() returns.
SYNCHRONOUS_RELEASE = ("i2c_adapter", "fw_card")
# Not here: struct watchdog_device.  Since 4.6 the watchdog core keeps what an open
# /dev/watchdogN needs in its own refcounted watchdog_core_data and drops its pointer
# to the driver's watchdog_device on unregister, so priv embedding one may be devm.
NESTING = 3  # how deep embedded struct types are followed


def refcounted_chain(src: SourceFile, struct_name: str, depth: int = NESTING) -> list[str]:
    """The embedding chain from `struct <struct_name>` down to a refcounted member
    (`["usb_gadget", "device"]`), or [] when there is none within ``depth`` levels."""
    if struct_name in SYNCHRONOUS_RELEASE:
        return []
    members = [t for t, _ in embedded_types(src, struct_name) or [] if t not in SYNCHRONOUS_RELEASE]
    for m in members:
        if m in REFCOUNTED_MEMBERS:
            return [m]
    if depth > 1:
        for m in dict.fromkeys(members):
            chain = refcounted_chain(src, m, depth - 1)
            if chain:
                return [m, *chain]
    return []


def check(f):
    if f.acq.api.cls != "memory":  # about kmalloc-family objects only
        return None
    tp = f.acq.type_path
    if tp and "->" not in tp:
        name = tp.removeprefix("struct ")
        if name in REFCOUNTED_MEMBERS:  # the object itself; DV003 says who owns it
            return None if ownership.handed_to(f) else f"a {tp} is refcounted: it can outlive unbind"
        chain = refcounted_chain(f.src, name)
        if chain:
            via = "".join(f", which embeds a struct {m}" for m in chain[1:])
            return f"{tp} embeds a struct {chain[0]}{via}, which can outlive unbind"
    for fi, asg in f.model.all_assignments():
        left = f.src.compact(asg.child_by_field_name("left"))
        if not left.endswith("->private_data"):
            continue
        right = f.src.compact(asg.child_by_field_name("right"))
        if (f.acq.path and f.model.canonical(fi, right) == f.acq.path) or \
                (tp and f.model.type_path(fi, right) == tp):
            return (f"{f.acq.target} is stored in a file's private_data at line "
                    f"{f.src.line_of(asg.start_byte)}: an open file can outlive unbind")
    return None
