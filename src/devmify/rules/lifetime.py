"""What it does
    Refuses memory that user space or a reference count can keep alive after unbind:
    a struct that embeds a `struct device`, `kobject`, `kref`, `cdev`, `miscdevice`,
    `video_device`, `v4l2_device`, `fb_info`, `serio`, ..., or an object stored in a
    file's `private_data`.

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

from ..source import descendants, top_level

CODE = "DV006"
NAME = "lifetime"
SUMMARY = "reachable after unbind (embedded refcounted object or a file's private_data)"

# Embedded (not pointed-to) members that give a struct a lifetime of its own.
REFCOUNTED_MEMBERS = (
    "device", "kobject", "kref", "cdev", "miscdevice", "video_device", "v4l2_device",
    "fb_info", "serio", "input_dev", "tty_port", "gendisk", "watchdog_device",
    "rtc_device", "mtd_info", "gameport", "snd_card", "net_device",
)


def embedded_members(src, struct_name: str) -> list[str]:
    """Refcounted struct types embedded by value in `struct <struct_name>` (file-local)."""
    out = []
    for node in top_level(src):
        for spec in descendants(node, "struct_specifier"):
            if src.text(spec.child_by_field_name("name")) != struct_name:
                continue
            body = spec.child_by_field_name("body")
            if body is None:
                continue
            for field in body.named_children:
                if field.type != "field_declaration":
                    continue
                typ = field.child_by_field_name("type")
                decl = field.child_by_field_name("declarator")
                if typ is not None and typ.type == "struct_specifier" and decl is not None \
                        and decl.type in ("field_identifier", "array_declarator"):
                    member = src.text(typ.child_by_field_name("name"))
                    if member in REFCOUNTED_MEMBERS:
                        out.append(member)
    return out


def check(f):
    tp = f.acq.type_path
    if tp and "->" not in tp:
        members = embedded_members(f.src, tp.removeprefix("struct "))
        if members:
            return f"{tp} embeds a struct {members[0]}, which can outlive unbind"
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
