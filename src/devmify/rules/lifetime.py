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

CODE = "DV006"
NAME = "lifetime"
SUMMARY = "reachable after unbind (embedded refcounted object or a file's private_data)"

# Embedded (not pointed-to) members that give a struct a lifetime of its own.
REFCOUNTED_MEMBERS = (
    "device", "kobject", "kref", "cdev", "miscdevice", "video_device", "v4l2_device",
    "fb_info", "serio", "input_dev", "tty_port", "gendisk", "watchdog_device",
    "rtc_device", "mtd_info", "gameport", "snd_card", "net_device", "dma_device",
)
_INCLUDE = re.compile(rb'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.MULTILINE)


def _struct_members(src: SourceFile) -> dict[str, list[str]]:
    """struct name -> refcounted struct types it embeds by value."""
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
                    member = src.text(typ.child_by_field_name("name"))
                    if member in REFCOUNTED_MEMBERS:
                        members.append(member)
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


def _includes(src: SourceFile):
    """Paths of the headers ``src`` includes that exist: `"x.h"` beside it, `<x.h>`
    under the kernel tree's include/."""
    base = os.path.dirname(src.fs_path)
    include_dir = None
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
            yield os.path.normpath(header), kind == b'"'


def embedded_members(src: SourceFile, struct_name: str) -> list[str]:
    """Refcounted struct types embedded by value in `struct <struct_name>`, looked up in
    the file, the headers it includes, and the headers its own `"x.h"` include."""
    local = _struct_members(src).get(struct_name)
    if local is not None:
        return local
    for path, quoted in _includes(src):
        found = _header_members(path).get(struct_name)
        if found is not None:
            return found
        header = _header(path) if quoted else None
        for inner, _ in _includes(header) if header is not None else ():
            found = _header_members(inner).get(struct_name)
            if found is not None:
                return found
    return []


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
