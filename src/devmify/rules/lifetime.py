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

import os
import re
from functools import lru_cache

from ..source import SourceFile, UnreadableSource, descendants, top_level
from . import ownership

CODE = "DV006"
NAME = "lifetime"
SUMMARY = "reachable after unbind (embedded refcounted object or a file's private_data)"

# Embedded (not pointed-to) members that give a struct a lifetime of its own.
REFCOUNTED_MEMBERS = (
    "device", "kobject", "kref", "cdev", "miscdevice", "video_device", "v4l2_device",
    "fb_info", "serio", "input_dev", "tty_port", "gendisk", "watchdog_device",
    "rtc_device", "mtd_info", "gameport", "snd_card", "net_device", "dma_device",
)
# Embedded objects whose subsystem waits for the last reference when unregistering
# (i2c_del_adapter() waits for dev_released; fw_core_remove_card() waits on
# card->done): memory embedding them is not touched after remove() returns.
SYNCHRONOUS_RELEASE = ("i2c_adapter", "fw_card")
NESTING = 3  # how deep embedded struct types are followed
INCLUDE_DEPTH = 3  # the file's includes, theirs, and theirs
_INCLUDE = re.compile(rb'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.MULTILINE)


def _struct_members(src: SourceFile) -> dict[str, list[str]]:
    """struct name -> the struct types it embeds by value."""
    out: dict[str, list[str]] = {}
    for node in top_level(src):
        for spec in descendants(node, "struct_specifier"):
            body = spec.child_by_field_name("body")
            if body is None:
                continue
            members = out.setdefault(src.text(spec.child_by_field_name("name")), [])
            for field in body.named_children:
                typ = field.child_by_field_name("type") if field.type == "field_declaration" else None
                decl = field.child_by_field_name("declarator") if typ is not None else None
                if typ is not None and typ.type == "struct_specifier" and decl is not None \
                        and decl.type in ("field_identifier", "array_declarator"):
                    members.append(src.text(typ.child_by_field_name("name")))
    return out


@lru_cache(maxsize=512)
def _header(path: str) -> SourceFile | None:
    try:
        return SourceFile.read(path)
    except UnreadableSource:
        return None


@lru_cache(maxsize=512)
def _header_members(path: str) -> dict[str, list[str]]:
    header = _header(path)
    return _struct_members(header) if header is not None else {}


def _tree_include_dir(path: str) -> str | None:
    d = os.path.dirname(os.path.abspath(path))
    while d != os.path.dirname(d):
        if os.path.isdir(os.path.join(d, "include", "linux")):
            return os.path.join(d, "include")
        d = os.path.dirname(d)
    return None


def _includes(src: SourceFile) -> list[str]:
    """Paths of the headers ``src`` includes that exist: `"x.h"` beside it, `<x.h>`
    under the kernel tree's include/."""
    base = os.path.dirname(src.fs_path)
    include_dir = None
    out = []
    for kind, name in _INCLUDE.findall(src.raw):
        name = name.decode("utf-8", "replace")
        if kind == b'"':
            header = os.path.join(base, name)
        else:
            include_dir = include_dir or _tree_include_dir(src.fs_path)
            if include_dir is None:
                continue
            header = os.path.join(include_dir, name)
        if os.path.isfile(header):
            out.append(os.path.normpath(header))
    return out


@lru_cache(maxsize=4096)
def _header_includes(path: str) -> tuple[str, ...]:
    header = _header(path)
    return tuple(_includes(header)) if header is not None else ()


def embedded_types(src: SourceFile, struct_name: str) -> list[str] | None:
    """Struct types embedded by value in `struct <struct_name>`, looked up in the file
    and then, breadth first, in the headers it includes and those they include
    (INCLUDE_DEPTH levels); None if the struct was not found."""
    local = _struct_members(src).get(struct_name)
    if local is not None:
        return local
    level, seen = _includes(src), set()
    for _ in range(INCLUDE_DEPTH):
        nxt = []
        for path in level:
            if path in seen:
                continue
            seen.add(path)
            found = _header_members(path).get(struct_name)
            if found is not None:
                return found
            nxt.extend(_header_includes(path))
        level = nxt
    return None


def refcounted_chain(src: SourceFile, struct_name: str, depth: int = NESTING) -> list[str]:
    """The embedding chain from `struct <struct_name>` down to a refcounted member
    (`["usb_gadget", "device"]`), or [] when there is none within ``depth`` levels."""
    if struct_name in SYNCHRONOUS_RELEASE:
        return []
    members = [m for m in embedded_types(src, struct_name) or [] if m not in SYNCHRONOUS_RELEASE]
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
