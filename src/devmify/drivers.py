"""Finding drivers: `struct <bus>_driver` initialisers, their probe and remove callbacks,
`*_driver_probe()` registrations, and the device expression of each bus."""

from __future__ import annotations

from dataclasses import dataclass

from tree_sitter import Node

from .buses import Bus, buses
from .source import SourceFile, descendants, functions, parameter_declarations, top_level

# Wrappers that may surround a callback in an initialiser: `.remove = __exit_p(foo_remove)`.
CALLBACK_WRAPPERS = ("__exit_p", "__devexit_p", "pm_ptr", "pm_sleep_ptr")


@dataclass
class Driver:
    bus: Bus
    struct: str
    decl: Node
    probe: str | None = None
    remove: str | None = None
    remove_pair: Node | None = None  # the `.remove = foo_remove` initializer_pair

    def device_param(self, fn: Node, src: SourceFile) -> str | None:
        """Name of the parameter of ``fn`` that is this bus's device."""
        return param_of_type(fn, src, self.bus.device_type)


def param_of_type(fn: Node, src: SourceFile, struct_name: str) -> str | None:
    """The name of a `struct <struct_name> *name` parameter of function ``fn``."""
    for name, type_name in params(fn, src):
        if type_name == struct_name:
            return name
    return None


def params(fn: Node, src: SourceFile) -> list[tuple[str, str]]:
    """(name, struct type name or '') for each pointer parameter of ``fn``."""
    out = []
    for p in parameter_declarations(fn):
        typ = p.child_by_field_name("type")
        d = p.child_by_field_name("declarator")
        if d is None or d.type != "pointer_declarator":
            continue
        inner = d.child_by_field_name("declarator")
        if inner is None or inner.type != "identifier":
            continue
        type_name = ""
        if typ is not None and typ.type == "struct_specifier":
            type_name = src.text(typ.child_by_field_name("name"))
        out.append((src.text(inner), type_name))
    return out


def _callback_name(value: Node, src: SourceFile) -> str | None:
    if value.type == "identifier":
        return src.text(value)
    if value.type == "call_expression":
        fn = src.text(value.child_by_field_name("function"))
        args = value.child_by_field_name("arguments").named_children
        if fn in CALLBACK_WRAPPERS and len(args) == 1 and args[0].type == "identifier":
            return src.text(args[0])
    return None


def _struct_name(decl: Node, src: SourceFile) -> str | None:
    typ = decl.child_by_field_name("type")
    if typ is not None and typ.type == "struct_specifier":
        return src.text(typ.child_by_field_name("name"))
    return None


def find_drivers(src: SourceFile) -> list[Driver]:
    known = buses()
    found: dict[str, Driver] = {}
    for node in top_level(src):
        if node.type != "declaration":
            continue
        bus = known.get(_struct_name(node, src) or "")
        if bus is None:
            continue
        for init in node.children_by_field_name("declarator"):
            if init.type != "init_declarator":
                continue
            value = init.child_by_field_name("value")
            if value is None or value.type != "initializer_list":
                continue
            name = src.text(init.child_by_field_name("declarator"))
            drv = Driver(bus=bus, struct=name, decl=node)
            for pair in value.named_children:
                if pair.type != "initializer_pair":
                    continue
                fields = [src.text(d) for d in pair.children_by_field_name("designator")]
                cb = _callback_name(pair.child_by_field_name("value"), src)
                if len(fields) != 1 or cb is None:
                    continue
                field = fields[0].lstrip(".")
                if field in bus.probe_fields:
                    drv.probe = cb
                elif field in bus.remove_fields:
                    drv.remove, drv.remove_pair = cb, pair
            found[name] = drv
    _attach_probe_registrations(src, found)
    fns = functions(src)
    return [d for d in found.values() if d.probe in fns]


def _attach_probe_registrations(src: SourceFile, found: dict[str, Driver]) -> None:
    """`platform_driver_probe(&foo_driver, foo_probe)` and `module_*_driver_probe(...)`."""
    for call in descendants(src.root, "call_expression"):
        fn = src.text(call.child_by_field_name("function"))
        if not fn.endswith("_driver_probe"):
            continue
        args = call.child_by_field_name("arguments").named_children
        if len(args) != 2 or args[1].type != "identifier":
            continue
        drv = found.get(src.text(args[0]).lstrip("&").strip())
        if drv is not None and drv.probe is None:
            drv.probe = src.text(args[1])
