"""Acquisitions and releases in a driver's functions, matched through access paths.

An *access path* is the compact text of an lvalue (``priv->buf``) with its root
replaced by what it stands for: ``@drvdata`` for the driver's private data (set with
``platform_set_drvdata()`` in probe, fetched with ``platform_get_drvdata()`` in remove),
the canonical path of a field a local was stored into (``priv->chip = chip``), the path
a helper's parameter was called with, or ``function:name`` for a local nothing links.
Two expressions in different functions name the same object when their paths are equal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from tree_sitter import Node

from . import catalogue, driver_pairs
from .buses import GENERIC_DRVDATA_GET, GENERIC_DRVDATA_SET
from .catalogue import BUS, INSERT, KEEP, OF_NODE, Api
from .cfg import FunctionFlow, is_statement
from .known_apis import MANAGED_PREFIXES
from .drivers import Driver, params
from .source import (
    SourceFile, descendants, functions, is_static, parameter_declarations, strip_casts, top_level,
)

DRVDATA = "@drvdata"
_ROOT = re.compile(r"^[A-Za-z_]\w*")
# Lookups that return the same thing for the same arguments (no acquisition).
LOOKUPS = re.compile(r"^(platform_get_resource(_byname)?|platform_get_irq(_byname)?(_optional)?|"
                     r"pci_resource_(start|len)|of_irq_get(_byname)?|irq_of_parse_and_map|"
                     r"iio_priv|netdev_priv)$")
NUMBER = re.compile(r"^(0[xX][0-9a-fA-F]+|\d+)[uUlL]*$")  # an integer literal
HELPER_DEPTH = 2


@dataclass
class Acquisition:
    api: Api
    function: str
    call: Node
    stmt: Node
    target: str
    path: str
    type_path: str | None  # `struct foo->buf`: the path by declared type, for suspects
    device: str | None         # the device expression the managed form will take
    device_ok: bool            # a device argument the call already has is the bound one
    in_loop: bool
    line: int
    order: tuple[int, ...]     # position in probe's flow (helpers at their call site)


@dataclass
class Release:
    name: str
    function: str
    call: Node
    stmts: list[Node]  # what deleting it removes: the call's statement (or its NULL guard)
    arg: str
    path: str
    context: str
    line: int
    type_path: str | None = None


# Release contexts
PROBE_ERROR = "probe-error"      # on a probe error exit, after the acquisition: deletable
PROBE_SUCCESS = "probe-success"  # runs when probe succeeds: a transient buffer
REMOVE = "remove"                # unconditionally in remove() or a helper it calls
REMOVE_CONDITIONAL = "remove-conditional"
LOOP = "loop"
ELSEWHERE = "elsewhere"
DELETABLE = (PROBE_ERROR, REMOVE)


@dataclass
class FunctionInfo:
    name: str
    node: Node
    role: str                    # "probe", "remove", "probe-helper", "remove-helper", "other"
    flow: FunctionFlow
    aliases: dict[str, str] = field(default_factory=dict)
    locals: dict[str, str | None] = field(default_factory=dict)  # name -> struct type
    device: str | None = None    # expression for the bound device, where in scope
    dev_locals: list[tuple[str, int]] = field(default_factory=list)  # (name, decl end byte)
    callers: list[tuple["FunctionInfo", Node]] = field(default_factory=list)


class DriverModel:
    """Every function of one driver that devmify reasons about, with their aliases."""

    def __init__(self, src: SourceFile, driver: Driver):
        self.src = src
        self.driver = driver
        self.fns = functions(src)
        self.globals = _file_scope_names(src)
        self.info: dict[str, FunctionInfo] = {}
        self._others: dict[str, FunctionInfo] = {}  # the rest of the file's functions
        self._calls_by_name: dict[str, list[tuple[str, Node]]] | None = None
        self._assignments: list[tuple[str, Node]] | None = None
        self.walk_incomplete = False  # the path checker gave up on it (pathcheck.STEP_BUDGET)
        probe = self._add(driver.probe, "probe")
        remove = self._add(driver.remove, "remove") if driver.remove in self.fns else None
        self._set_device(probe, driver.device_param(probe.node, src))
        self._collect_locals(probe)
        self._probe_aliases(probe)
        self.device_paths, self.field_values = self._probe_fields(probe)
        self._expand_helpers(probe, "probe-helper")
        if remove is not None:
            self._collect_locals(remove)
            self._remove_aliases(remove)
            self._expand_helpers(remove, "remove-helper")

    @property
    def has_remove(self) -> bool:
        return self.driver.remove in self.fns

    # -- building -----------------------------------------------------------------------
    def _add(self, name: str, role: str) -> FunctionInfo:
        node = self.fns[name]
        fi = FunctionInfo(name, node, role, FunctionFlow(node, self.src))
        self.info[name] = fi
        return fi

    def _set_device(self, fi: FunctionInfo, param: str | None) -> None:
        if param is None:
            return
        fi.device = self.driver.bus.device_expr(param)
        fi.aliases[param] = "@dev"
        dev_forms = {fi.device, param}
        for decl in descendants(fi.node.child_by_field_name("body"), "init_declarator"):
            value = decl.child_by_field_name("value")
            if value is not None and self.src.compact(value) in dev_forms:
                name = declarator_name(decl, self.src)
                if name:
                    fi.dev_locals.append((name, decl.end_byte))

    def _collect_locals(self, fi: FunctionInfo) -> None:
        for name, type_name in params(fi.node, self.src):
            fi.locals[name] = type_name or None
        for decl in descendants(fi.node.child_by_field_name("body"), "declaration"):
            typ = decl.child_by_field_name("type")
            type_name = None
            if typ is not None and typ.type == "struct_specifier":
                type_name = self.src.text(typ.child_by_field_name("name"))
            for d in decl.children_by_field_name("declarator"):
                name = declarator_name(d, self.src)
                if name:
                    fi.locals[name] = type_name

    def is_device(self, fi: FunctionInfo, node: Node) -> bool:
        text = self.src.compact(strip_casts(node))
        forms = {fi.device} | {n for n, _ in fi.dev_locals}
        path = self.canonical(fi, text)
        return text in forms or path == "@dev" or path in getattr(self, "device_paths", ())

    def is_of_node(self, fi: FunctionInfo, node: Node) -> bool:
        """``node`` is the bound device's of_node: `pdev->dev.of_node`, `dev->of_node`,
        `dev_of_node(dev)`, or a local holding one."""
        path = self.canonical(fi, self.src.compact(strip_casts(node)))
        devices = [self.canonical(fi, fi.device)] if fi.device else []
        devices += list(getattr(self, "device_paths", ()))
        return any(path == (d[1:] + ".of_node" if d.startswith("&") else d + "->of_node") for d in devices)

    def _probe_aliases(self, fi: FunctionInfo) -> None:
        setters = set(self.driver.bus.drvdata_set) | set(GENERIC_DRVDATA_SET)
        for call in descendants(fi.node, "call_expression"):
            if self.src.text(call.child_by_field_name("function")) in setters:
                args = call.child_by_field_name("arguments").named_children
                if len(args) == 2 and args[1].type == "identifier":
                    fi.aliases.setdefault(self.src.text(args[1]), DRVDATA)
        self._store_aliases(fi)

    def _remove_aliases(self, fi: FunctionInfo) -> None:
        param = self.driver.device_param(fi.node, self.src)
        self._set_device(fi, param)
        getters = set(self.driver.bus.drvdata_get) | set(GENERIC_DRVDATA_GET)
        for lhs, rhs in self.simple_assignments(fi):
            if rhs.type == "call_expression" and \
                    self.src.text(rhs.child_by_field_name("function")) in getters:
                fi.aliases.setdefault(lhs, DRVDATA)
        self._store_aliases(fi)

    def simple_assignments(self, fi: FunctionInfo):
        """(local name, value node) for `T *x = value;` and `x = value;`."""
        body = fi.node.child_by_field_name("body")
        for decl in descendants(body, "init_declarator"):
            name = declarator_name(decl, self.src)
            value = decl.child_by_field_name("value")
            if name and value is not None:
                yield name, strip_casts(value)
        for asg in descendants(body, "assignment_expression"):
            left = asg.child_by_field_name("left")
            if left.type == "identifier" and self.src.text(asg.child_by_field_name("operator")) == "=":
                yield self.src.text(left), strip_casts(asg.child_by_field_name("right"))

    def _store_aliases(self, fi: FunctionInfo) -> None:
        """`x = priv->chip` (x stands for priv->chip) and `priv->chip = x` (likewise)."""
        for _ in range(2):  # a second round resolves chains such as a = b->c; d = a->e
            once = self._assigned_once(fi)
            for lhs, rhs in self.simple_assignments(fi):
                if lhs in fi.aliases or lhs not in fi.locals:
                    continue
                if lhs not in once:  # `ret = priv->irq;` among other values of ret
                    continue
                if rhs.type == "field_expression" or \
                        rhs.type == "pointer_expression" and self.src.text(rhs).startswith("&") or \
                        rhs.type == "call_expression" and self.src.text(rhs.child_by_field_name("function")) == "dev_of_node":
                    fi.aliases[lhs] = self.canonical(fi, self.src.compact(rhs))
                elif rhs.type == "call_expression" and \
                        LOOKUPS.match(self.src.text(rhs.child_by_field_name("function"))):
                    fi.aliases[lhs] = self._lookup_path(fi, rhs)
            body = fi.node.child_by_field_name("body")
            for asg in descendants(body, "assignment_expression"):
                left, right = asg.child_by_field_name("left"), strip_casts(asg.child_by_field_name("right"))
                if left.type == "field_expression" and right.type == "identifier":
                    name = self.src.text(right)
                    if name in fi.locals and name not in fi.aliases:
                        fi.aliases[name] = self.canonical(fi, self.src.compact(left))

    def _assigned_once(self, fi: FunctionInfo) -> set[str]:
        counts: dict[str, int] = {}
        for lhs, _ in self.simple_assignments(fi):
            counts[lhs] = counts.get(lhs, 0) + 1
        return {n for n, c in counts.items() if c == 1}

    def _lookup_path(self, fi: FunctionInfo, call: Node) -> str:
        """`platform_get_resource(@dev,IORESOURCE_MEM,0)`: a lookup that gives the same
        answer wherever it is made with the same arguments."""
        name = self.src.text(call.child_by_field_name("function"))
        args = call.child_by_field_name("arguments").named_children
        return f"{name}({','.join(self.canonical(fi, self.src.compact(a)) for a in args)})"

    def _expand_helpers(self, root: FunctionInfo, role: str) -> None:
        frontier = [root]
        for _ in range(HELPER_DEPTH):
            nxt = []
            for caller in frontier:
                for call in descendants(caller.node.child_by_field_name("body"), "call_expression"):
                    name = self.src.text(call.child_by_field_name("function"))
                    if name not in self.fns or name in self.info or not is_static(self.fns[name], self.src):
                        continue
                    fi = self._add(name, role)
                    self._collect_locals(fi)
                    nxt.append(fi)
            for fi in nxt:
                self._link_helper(fi)
            frontier = nxt

    def _link_helper(self, fi: FunctionInfo) -> None:
        """Find every call of helper ``fi`` in the file and alias its parameters to the
        arguments, when every caller passes the same path."""
        names = [n for n, _ in params(fi.node, self.src)]
        all_params = param_names(fi.node, self.src)
        seen: dict[str, set[str]] = {}
        for caller_name, call in self.calls_of(fi.name):
            caller = self.info.get(caller_name)
            fi.callers.append((caller, call))
            args = call.child_by_field_name("arguments").named_children
            for i, pname in enumerate(all_params):
                if i < len(args) and caller is not None:
                    if self.is_device(caller, args[i]):
                        seen.setdefault(pname, set()).add("@dev")
                    else:
                        seen.setdefault(pname, set()).add(self.canonical(caller, self.src.compact(args[i])))
                else:
                    seen.setdefault(pname, set()).add("?")
        for pname, paths in seen.items():
            if len(paths) == 1 and "?" not in paths:
                fi.aliases[pname] = paths.pop()
        for pname in names:
            if fi.aliases.get(pname) == "@dev" and fi.locals.get(pname) in (None, "device"):
                fi.device = pname
        if fi.device is None:
            bus_param = self.driver.device_param(fi.node, self.src)
            if bus_param is not None and fi.aliases.get(bus_param) == "@dev":
                self._set_device(fi, bus_param)
        self._returned_alias(fi)
        self._store_aliases(fi)

    def _returned_alias(self, fi: FunctionInfo) -> None:
        """`p = kzalloc(...); ... return p;` in a helper whose every caller stores the
        result the same way (`priv->buf = helper(...)`): p stands for priv->buf."""
        returned = set()
        for ret in descendants(fi.node.child_by_field_name("body"), "return_statement"):
            value = [c for c in ret.named_children if c.type != "comment"]
            if not value:
                return
            text = self.src.compact(value[0])
            if value[0].type == "identifier" and text in fi.locals and text not in fi.aliases:
                returned.add(text)
            elif not (text == "NULL" or text.startswith("ERR_PTR(")):
                return
        stored = set()
        for caller, call in fi.callers:
            target, stmt = self.assigned(call)
            if caller is None or stmt is None or stmt.type != "expression_statement":
                return
            stored.add(self.canonical(caller, target))
        if len(returned) == 1 and len(stored) == 1:
            fi.aliases[returned.pop()] = stored.pop()

    # -- paths --------------------------------------------------------------------------
    def canonical(self, fi: FunctionInfo, text: str) -> str:
        getters = set(self.driver.bus.drvdata_get) | set(GENERIC_DRVDATA_GET)
        if any(text.startswith(g + "(") for g in getters) and text.endswith(")"):
            return DRVDATA
        node = re.fullmatch(r"dev_of_node\((.+)\)", text)
        if node:  # dev_of_node(dev) is dev->of_node
            dev = self.canonical(fi, node.group(1))
            return dev[1:] + ".of_node" if dev.startswith("&") else dev + "->of_node"
        if text.startswith("&"):  # `&priv->wdd`: the address of a path
            inner = self.canonical(fi, text[1:])
            return inner[1:] if inner.startswith("*") else "&" + inner
        m = _ROOT.match(text)
        if not m:
            return text if NUMBER.match(text) else f"{fi.name}:{text}"
        root, rest = m.group(0), text[m.end():]
        if root in fi.aliases:
            base = fi.aliases[root]
            if base.startswith("&") and rest.startswith("->"):  # (&priv->wdd)->x is priv->wdd.x
                return self._through_fields(base[1:] + "." + rest[2:])
            return self._through_fields(base + rest)
        if root in fi.locals:
            return f"{fi.name}:{root}{rest}"
        return text  # a global

    def _through_fields(self, path: str) -> str:
        """Replace a field that only ever holds another path (`priv->client = client`,
        `priv->phys = res->start`) by that path."""
        for field_path, value in getattr(self, "field_values", {}).items():
            if path == field_path or path.startswith((field_path + "->", field_path + ".")):
                return value + path[len(field_path):]
        return path

    def _probe_fields(self, probe: FunctionInfo) -> tuple[frozenset[str], dict[str, str]]:
        """One pass over the file's field stores, for two facts about the fields probe
        sets and nothing else in the file assigns:
        - the fields holding the bound device (`priv->dev = &pdev->dev;`);
        - the fields probe sets once to another path (`priv->pdev = pdev`, `priv->irq =
          client->irq`, `priv->phys = res->start`, `priv->mem = res` with res a lookup)."""
        devices, spoiled = set(), set()
        counts: dict[str, int] = {}
        found: dict[str, str] = {}
        for fi, asg in self.all_assignments():
            left = asg.child_by_field_name("left")
            if left.type != "field_expression":
                continue
            path = self.canonical(fi, self.src.compact(left))
            counts[path] = counts.get(path, 0) + 1
            in_probe = fi is self.info.get(probe.name)
            if in_probe and self.is_device(fi, asg.child_by_field_name("right")):
                devices.add(path)
            else:
                spoiled.add(path)
            right = strip_casts(asg.child_by_field_name("right"))
            if in_probe and right.type in ("identifier", "field_expression"):
                value = self.canonical(fi, self.src.compact(right))
                local = value.startswith(f"{probe.name}:") and right.type == "identifier"
                if value != path and not local:  # a local stored is the field itself
                    found[path] = value
        return frozenset(devices - spoiled), {p: v for p, v in found.items() if counts[p] == 1}

    def type_path(self, fi: FunctionInfo, text: str) -> str | None:
        """`struct foo->buf` for `p->buf` with `struct foo *p` declared in ``fi``: how
        code in unrelated functions (a file's .release, an ioctl) reaches the object."""
        m = _ROOT.match(text)
        struct = fi.locals.get(m.group(0)) if m else None
        return f"struct {struct}{text[m.end():]}" if struct else None

    def device_at(self, fi: FunctionInfo, offset: int) -> str | None:
        """The device expression to pass at ``offset``: a `dev` local declared before it
        when there is one, else the bus expression (`&pdev->dev`)."""
        for name, end in fi.dev_locals:
            if end <= offset:
                return name
        return fi.device

    # -- acquisitions and releases -------------------------------------------------------
    @cached_property
    def probe_calls(self) -> list[tuple[FunctionInfo, Node, str]]:
        """(function, call node, called name) for every call in probe and its helpers."""
        out = []
        for fi in self.info.values():
            if fi.role in ("probe", "probe-helper"):
                for call in descendants(fi.node.child_by_field_name("body"), "call_expression"):
                    out.append((fi, call, self.src.text(call.child_by_field_name("function"))))
        return out

    @cached_property
    def driver_pairs(self) -> list[Api]:
        """Enable/disable pairs the driver's own error ladder shows (driver_pairs)."""
        return [a for a in driver_pairs.find(self) if a.name not in catalogue.apis()]

    @cached_property
    def acquisitions(self) -> list[Acquisition]:
        table = {**{a.name: a for a in self.driver_pairs}, **catalogue.apis()}
        out = [self._acquisition(fi, call, table[name])
               for fi, call, name in self.probe_calls if name in table]
        return sorted(out, key=lambda a: a.call.start_byte)

    def target_of(self, call: Node, api: Api) -> str:
        """What the call acquires, as text: its resource argument (a status API) or the
        lvalue it is stored in; '' when neither."""
        if not api.status:
            return self.assigned(call)[0]
        args = call.child_by_field_name("arguments").named_children
        return self.src.compact(args[api.resource_arg]) if api.resource_arg < len(args) else ""

    def arg_path(self, fi: FunctionInfo, node: Node) -> str:
        """The access path of an argument; a lookup call's with its own arguments'
        paths (`free_irq(platform_get_irq(pdev, 0), ...)` in remove() names probe's IRQ)."""
        inner = strip_casts(node)
        if inner.type == "call_expression" and \
                LOOKUPS.match(self.src.text(inner.child_by_field_name("function"))):
            return self._lookup_path(fi, inner)
        return self.canonical(fi, self.src.compact(node))

    def _acquisition(self, fi: FunctionInfo, call: Node, api: Api) -> Acquisition:
        args = call.child_by_field_name("arguments").named_children
        target = self.target_of(call, api)
        if api.status:
            stmt = next((a for a in ancestors_in(call, fi.node) if is_statement(a)), None) if target else None
        else:
            stmt = self.assigned(call)[1]
        device_ok = all(i < len(args) and self.is_device(fi, args[i]) for i in api.device_args)
        if api.device in (KEEP, BUS):
            device_ok = device_ok and api.device_arg < len(args) and self.is_device(fi, args[api.device_arg])
        elif api.device == OF_NODE:
            device_ok = device_ok and api.device_arg < len(args) and self.is_of_node(fi, args[api.device_arg])
        return Acquisition(
            api=api, function=fi.name, call=call, stmt=stmt, target=target,
            path=(self.arg_path(fi, args[api.resource_arg]) if api.status else self.canonical(fi, target))
            if target else "",
            type_path=self.type_path(fi, target), device=self.device_at(fi, call.start_byte),
            device_ok=device_ok, in_loop=fi.flow.in_loop(call),
            line=self.src.line_of(call.start_byte), order=self.probe_order(fi, call),
        )

    def assigned(self, call: Node) -> tuple[str, Node | None]:
        """(lvalue text, statement) for `x = call(...);` and `T *x = call(...);`."""
        holder = call
        while holder.parent is not None and holder.parent.type in ("cast_expression", "parenthesized_expression"):
            holder = holder.parent
        parent = holder.parent
        if parent.type == "assignment_expression" and parent.parent.type == "expression_statement" \
                and self.src.text(parent.child_by_field_name("operator")) == "=":
            return self.src.compact(parent.child_by_field_name("left")), parent.parent
        if parent.type == "init_declarator":
            return declarator_name(parent, self.src) or "", parent.parent
        return "", None

    def managed_calls(self):
        """(function, call, name, path) for each call in probe and its helpers that was
        a devres acquisition already; path is what it acquires, '' when unknown."""
        for fi, call, name in self.probe_calls:
            if not name.startswith(MANAGED_PREFIXES):
                continue
            api = catalogue.lookup(name)
            args = call.child_by_field_name("arguments").named_children
            # a merge's call (devm_clk_get_enabled) returns what it acquires: its
            # arguments are not those of the status call it stands for (clk_prepare_enable)
            if api is not None and api.status and name not in {m for _, m in api.merge}:
                shift = 1 if api.device == INSERT else 0
                i = api.resource_arg + shift
                target = self.src.compact(args[i]) if i < len(args) else ""
            else:
                target, _ = self.assigned(call)
            yield fi, call, name, self.canonical(fi, target) if target else ""

    def probe_order(self, fi: FunctionInfo, node: Node, depth: int = HELPER_DEPTH) -> tuple[int, ...]:
        """Where ``node`` runs in probe: its byte offset in probe, or for a helper's code
        the offset of the helper's (first) call in probe followed by its own."""
        if fi.role == "probe" or depth == 0 or not fi.callers or fi.callers[0][0] is None:
            return (node.start_byte,)
        caller, call = fi.callers[0]
        return (*self.probe_order(caller, call, depth - 1), node.start_byte)

    def driver_releases(self) -> list[Release]:
        """Every release of the catalogue's and of the driver's own pairs in the file."""
        return self.releases({**catalogue.release_args(),
                              **{r: 0 for a in self.driver_pairs for r in a.releases}})

    def releases(self, names: dict[str, int]) -> list[Release]:
        """Every call of a release function anywhere in the file; ``names`` maps each
        release to the argument that names the resource."""
        out = []
        for fi in self.every_function():
            for call in descendants(fi.node.child_by_field_name("body"), "call_expression"):
                name = self.src.text(call.child_by_field_name("function"))
                if name not in names or fi.flow is not None and fi.flow.unreachable(call):
                    continue  # code after a return never releases (and a cleanup may delete it)
                args = call.child_by_field_name("arguments").named_children
                if len(args) <= names[name]:
                    continue
                arg = self.src.compact(args[names[name]])
                path = self.arg_path(fi, args[names[name]])
                stmts = self._release_statements(call, arg)
                out.append(Release(
                    name=name, function=fi.name, call=call, stmts=stmts, arg=arg, path=path,
                    context=self._context(fi, stmts[0] if stmts else call, bool(stmts)),
                    line=self.src.line_of(call.start_byte), type_path=self.type_path(fi, arg),
                ))
        return out

    def _release_statements(self, call: Node, arg: str) -> list[Node]:
        """The statements deleting this release removes: `kfree(p);`, or the whole
        `if (p) kfree(p);`; plus a `p = NULL;` right after it."""
        stmt = call.parent
        if stmt.type != "expression_statement":
            return []
        guard = _null_guard(stmt, arg, self.src)
        first = guard or stmt
        out = [first]
        nxt = first.next_named_sibling
        if nxt is not None and nxt.type == "expression_statement":
            asg = nxt.named_children[0] if nxt.named_children else None
            if asg is not None and asg.type == "assignment_expression" and \
                    self.src.compact(asg.child_by_field_name("left")) == arg and \
                    self.src.compact(asg.child_by_field_name("right")) == "NULL":
                out.append(nxt)
        return out

    def _context(self, fi: FunctionInfo, stmt: Node, simple: bool,
                 within: frozenset[str] = frozenset()) -> str:
        if fi.role == "other" or not simple:
            return ELSEWHERE
        if fi.flow.in_loop(stmt):
            return LOOP
        if fi.role in ("probe", "probe-helper"):
            if fi.flow.is_error_exit(stmt):
                return PROBE_ERROR
            if fi.role == "probe-helper" and fi.flow.on_main_path(stmt):
                return self._helper_context(fi, within)
            return PROBE_SUCCESS
        # remove and its helpers
        if fi.flow.enclosing_conditions(stmt) or not fi.flow.on_main_path(stmt) \
                or _returns_before(fi, stmt):
            return REMOVE_CONDITIONAL
        if fi.role == "remove-helper":
            return self._helper_context(fi, within)
        return REMOVE

    def _helper_context(self, fi: FunctionInfo, within: frozenset[str]) -> str:
        """A helper's unconditional release takes the context of its calls: deletable
        only when every call is itself in probe's error exits or remove's main path
        (a helper that calls itself, directly or through others, is not: found by
        fuzzing, the question recursed until Python's stack ran out)."""
        if fi.name in within:
            return ELSEWHERE
        contexts = set()
        for caller, call in fi.callers:
            stmt = call.parent if call.parent.type == "expression_statement" else None
            if caller is None or stmt is None:
                return ELSEWHERE
            contexts.add(self._context(caller, stmt, True, within | {fi.name}))
        if not contexts:
            return ELSEWHERE
        if contexts <= set(DELETABLE):
            return REMOVE if REMOVE in contexts else PROBE_ERROR
        return sorted(c for c in contexts if c not in DELETABLE)[0]

    def calls_of(self, name: str) -> list[tuple[str, Node]]:
        """(caller name, call) for every call of ``name`` in the file's functions, in
        file order (indexed once: each helper used to scan the whole file)."""
        if self._calls_by_name is None:
            self._calls_by_name = {}
            for caller_name, node in self.fns.items():
                for call in descendants(node.child_by_field_name("body"), "call_expression"):
                    self._calls_by_name.setdefault(
                        self.src.text(call.child_by_field_name("function")), []).append((caller_name, call))
        return self._calls_by_name.get(name, [])

    def every_function(self):
        """FunctionInfo for every function in the file; those outside the driver's
        probe/remove closure have role "other" and no flow."""
        for fname, node in self.fns.items():
            fi = self.info.get(fname) or self._others.get(fname)
            if fi is None:
                fi = self._others[fname] = FunctionInfo(fname, node, "other", None)
                self._collect_locals(fi)
            yield fi

    def all_assignments(self) -> list[tuple[FunctionInfo, Node]]:
        """(function info, assignment node) for every `=` in the file."""
        if self._assignments is None:  # the nodes once; the infos as they are now
            self._assignments = [
                (name, asg) for name, node in self.fns.items()
                for asg in descendants(node.child_by_field_name("body"), "assignment_expression")]
        infos = {fi.name: fi for fi in self.every_function()}
        return [(infos[name], asg) for name, asg in self._assignments]

    def assignments(self, path: str, type_path: str | None) -> list[tuple[FunctionInfo, Node]]:
        """Every `lvalue = value` in the file whose lvalue has access path ``path``, or,
        where no path links it, the same path by declared type."""
        out = []
        for fi, asg in self.all_assignments():
            left = self.src.compact(asg.child_by_field_name("left"))
            # by type only for a field: copying a pointer into a local elsewhere
            # (`input = data;` in an IRQ handler) is no second object
            by_type = type_path is not None and "->" in type_path
            if self.canonical(fi, left) == path or \
                    (by_type and self.type_path(fi, left) == type_path):
                out.append((fi, asg))
        return out


_INSIDE = re.compile(r"^(\w*priv|\w+_get_devdata|\w+_get_adapdata)\((.+)\)")


def reach(path: str) -> str:
    """A path with the private area of an object written as a field of it:
    `iio_priv(@drvdata)->client` is `@drvdata->iio_priv->client` (memory inside it)."""
    path = path.lstrip("&")
    while (m := _INSIDE.match(path)):
        path = f"{reach(m.group(2))}->{m.group(1)}{path[m.end():]}"
    return path


def ancestors_in(node: Node, fn: Node):
    """``node``'s ancestors up to, not including, the function ``fn``."""
    n = node.parent
    while n is not None and n.start_byte >= fn.start_byte and not (
            n.start_byte == fn.start_byte and n.end_byte == fn.end_byte):
        yield n
        n = n.parent


def _null_guard(stmt: Node, arg: str, src: SourceFile) -> Node | None:
    parent = stmt.parent
    if parent.type == "compound_statement":
        inner = [c for c in parent.named_children if c.type != "comment"]
        if len(inner) != 1:
            return None
        parent = parent.parent
    if parent is None or parent.type != "if_statement" or parent.child_by_field_name("alternative"):
        return None
    cond = src.compact(parent.child_by_field_name("condition"))
    if cond in (f"({arg})", f"({arg}!=NULL)", f"(NULL!={arg})"):
        return parent
    return None


def _returns_before(fi: FunctionInfo, stmt: Node) -> bool:
    """remove() returns early somewhere before ``stmt`` (other than a NULL check)."""
    for ret in descendants(fi.node.child_by_field_name("body"), "return_statement"):
        if ret.start_byte < stmt.start_byte and not fi.flow.on_main_path(ret):
            return True
    return False


def declarator_name(decl: Node, src: SourceFile) -> str | None:
    d = decl
    while d is not None and d.type not in ("identifier",):
        d = d.child_by_field_name("declarator")
    return src.text(d) if d is not None else None


def param_names(fn: Node, src: SourceFile) -> list[str]:
    return [declarator_name(p, src) or "" for p in parameter_declarations(fn)]


def _file_scope_names(src: SourceFile) -> set[str]:
    out = set()
    for n in top_level(src):
        if n.type == "declaration":
            for d in n.children_by_field_name("declarator"):
                name = declarator_name(d, src)
                if name:
                    out.add(name)
    return out

