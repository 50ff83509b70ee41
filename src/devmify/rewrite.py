"""A plan -> byte edits on the original text, with the cleanups a reviewer asks for.

Edits are computed against the original parse.  Deleting releases is modelled as a set
of dead statements; cleanups then run to a fixpoint on that model:

* a `goto` whose label now leads straight to a `return X;` becomes that return;
* a label no `goto` uses any more is dropped, with statements only it reached;
* an `if` whose body is now empty goes (when its condition has no side effects);
* braces around an `if` body now down to one single-line statement go;
* locals whose every use went are deleted (when their initialiser is pure);
* a remove() or helper that became empty is deleted with its `.remove =` line or calls.

Only what our own deletions made dead is touched: a label or local that was already
unused in the original is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tree_sitter import Node

from . import collapse, driver_pairs
from .catalogue import INSERT, OF_NODE
from .known_apis import pure_call
from .cfg import is_statement, key, last_statement, next_statement
from .plan import DriverPlan
from .source import (
    SourceFile, ancestors, descendants, enclosing_function, function_name, is_static, within,
)

MAX_ROUNDS = 20
MAX_COLUMNS = 100  # checkpatch's limit since 5.7


class CleanupFailed(Exception):
    """The edit would leave code a reviewer would reject; the driver is refused."""


@dataclass
class Edit:
    start: int
    end: int
    text: bytes


@dataclass
class FunctionEdits:
    node: Node
    dead: set = field(default_factory=set)          # keys of deleted statements
    replaced: dict = field(default_factory=dict)    # key of goto -> replacement text
    retarget: dict = field(default_factory=dict)    # key of goto -> label it now jumps to
    returned_at: set = field(default_factory=set)   # returns our rewritten gotos copied: the
                                                    # other gotos there become returns too
    dead_labels: set = field(default_factory=set)   # keys of labeled_statements losing the label
    unbraced: set = field(default_factory=set)      # keys of compound statements losing braces
    deleted: bool = False                           # the whole function goes
    dropped_locals: list = field(default_factory=list)  # names of locals that went unused
    dropped_ifs: int = 0                            # ifs whose body went


class Rewriter:
    def __init__(self, src: SourceFile, plans: list[DriverPlan]):
        self.src = src
        self.plans = [p for p in plans if p.conversions or p.collapses]
        self.fns: dict[str, FunctionEdits] = {}
        self.extra_dead_nodes: list[Node] = []  # outside functions: `.remove =` pairs, prototypes
        self.calls: list[Edit] = []
        self.overrides: dict = {}  # key(node) -> (node, new text): rewritten expressions
        self.actions: list = []    # (offset, text before the exit, exit statement, function, status)
        self.included: dict[str, list[str]] = {}  # header added -> the managed calls it declares

    # -- entry ---------------------------------------------------------------------------
    def edits(self) -> list[Edit]:
        for plan in self.plans:
            merged = {key(a.call) for c in plan.collapses for a in c.absorbed}
            for c in plan.collapses:
                self._collapse(plan, c)
                merged.add(key(c.call))
            for acq in plan.conversions:
                if plan.as_action(acq):
                    self._action(plan, acq)
                elif key(acq.call) not in merged:
                    status = self._checked_status(plan, acq) if acq.api.void else ""
                    self.calls.extend(self._convert_call(acq, status))
            for rel in plan.removed:
                fe = self._fe(plan.model.fns[rel.function])
                for s in rel.stmts:
                    fe.dead.add(key(s))
        for _ in range(MAX_ROUNDS):
            if not self._cleanup_round():
                break
        return self._render()

    def _fe(self, fn: Node) -> FunctionEdits:
        k = f"{fn.start_byte}"
        if k not in self.fns:
            self.fns[k] = FunctionEdits(fn)
        return self.fns[k]

    # -- devm actions -----------------------------------------------------------------------
    def _action(self, plan: DriverPlan, acq) -> None:
        """Register the release as a devm action right after the acquisition's check:
        `ret = devm_add_action_or_reset(dev, foo_release, arg); if (ret) <its exit>`,
        with `static void foo_release(void *data) { release(data); }` before the
        function.  The exit is the check's own, as the cleanups leave it."""
        found = collapse.checked_call(self.src, acq)
        offset = found[1].end_byte if found else acq.stmt.end_byte
        var, check = found or collapse.next_check(plan, acq)  # unchecked: the next exit
        fn = enclosing_function(acq.call)
        callback = self._callback_name(plan, acq)
        arg = self.src.text(acq.call.child_by_field_name("arguments").named_children[0])
        indent = self.src.indent_of(acq.stmt.start_byte).decode()
        nl = self._newline(acq.stmt.start_byte)
        head = f"{var} = devm_add_action_or_reset("
        call = f"{head}{acq.device}, {callback}, {arg});"
        if _width((indent + call).encode()) > MAX_COLUMNS:
            call = f"{head}{acq.device}, {callback},{nl}{_indent_to(_width((indent + head).encode())).decode()}{arg});"
        self._queue_check(acq, offset, f"{nl}{nl}{indent}{call}", var, check)
        start = self.src.line_start(self._leading_comments_start(fn))
        definition = f"static void {callback}(void *data){nl}{{{nl}\t{acq.api.action}(data);{nl}}}{nl}{nl}"
        self.calls.append(Edit(start, start, definition.encode()))

    def _checked_status(self, plan: DriverPlan, acq) -> str:
        """`pm_runtime_enable(dev);` -> `ret = devm_pm_runtime_enable(dev); if (ret) <exit>`,
        the exit that of the next checked call.
        Writes the check; returns the assignment to put before the call."""
        var, check = collapse.next_check(plan, acq)
        self._queue_check(acq, acq.stmt.end_byte, "", var, check)
        return f"{var} = "

    def _queue_check(self, acq, offset: int, before: str, var: str, check: Node) -> None:
        """At ``offset``: ``before``, then `if (var) <exit>` with the exit of ``check``
        as the cleanups leave it (rendered last)."""
        indent = self.src.indent_of(acq.stmt.start_byte).decode()
        nl = self._newline(acq.stmt.start_byte)
        exit_stmt = last_statement(check.child_by_field_name("consequence"))
        self.actions.append((offset, f"{before}{nl}{indent}if ({var}){nl}{indent}\t", exit_stmt,
                             self._fe(enclosing_function(acq.call)), var))

    def _callback_name(self, plan: DriverPlan, acq) -> str:
        prefix = plan.driver.probe.removesuffix("_probe") if plan.driver.probe.endswith("_probe") \
            else plan.driver.struct.removesuffix("_driver")
        # a driver's own helper already carries its prefix: `foo_hw_disable_action`
        own = acq.api.cls == driver_pairs.CLASS
        name = f"{acq.api.action}_action" if own else f"{prefix}_{acq.api.action}"
        return name if name not in plan.model.fns else f"{name}_action"

    def _newline(self, offset: int) -> str:
        end = self.src.line_end(offset)
        return "\r\n" if self.src.raw[end - 2:end] == b"\r\n" else "\n"

    def _exit_text(self, fe: FunctionEdits, stmt: Node) -> str:
        if key(stmt) in fe.replaced:
            return fe.replaced[key(stmt)]
        if key(stmt) in fe.retarget:
            return f"goto {fe.retarget[key(stmt)]};"
        return self._text(stmt)

    # -- the call itself ------------------------------------------------------------------
    def _collapse(self, plan: DriverPlan, c) -> None:
        """One managed call for several converted ones: rename and re-argue the call
        that stays, drop the statements it makes redundant, rewrite its error check."""
        fn = c.call.child_by_field_name("function")
        args = c.call.child_by_field_name("arguments")
        self.calls.append(Edit(fn.start_byte, fn.end_byte, c.name.encode()))
        if c.args is not None:
            self.overrides[key(args)] = (args, f"({c.args})")
        fe = self._fe(enclosing_function(c.call))
        fe.dead.update(key(s) for s in c.dead)
        self.overrides.update(c.replace)

    def _convert_call(self, acq, status: str = "") -> list[Edit]:
        """The call renamed, its device inserted or put in place of the of_node, its
        arguments re-wrapped; ``status``: `ret = ` for a call that gains a status."""
        if acq.api.via:
            return []  # managed through another conversion; the call keeps its name
        fn = acq.call.child_by_field_name("function")
        args = acq.call.child_by_field_name("arguments")
        name = (status + acq.api.managed).encode()
        shift = len(name) - (fn.end_byte - fn.start_byte)
        out = [Edit(fn.start_byte, fn.end_byte, name)]
        params = args.named_children
        grow = {}  # argument index -> columns the edits add before its end
        if acq.api.device == INSERT:  # else the call already takes its device
            dev = acq.device.encode()
            if not params:
                out.append(Edit(args.start_byte + 1, args.start_byte + 1, dev))
            elif acq.api.device_arg == 0:
                out.append(Edit(args.start_byte + 1, args.start_byte + 1, dev + b", "))
                grow = {i: len(dev) + 2 for i in range(len(params))}
            else:
                before = params[acq.api.device_arg - 1]
                out.append(Edit(before.end_byte, before.end_byte, b", " + dev))
                grow = {i: len(dev) + 2 for i in range(acq.api.device_arg, len(params))}
        elif acq.api.device == OF_NODE or acq.api.kept_args is not None:
            self._reargue(acq, args)  # short calls: no re-wrapping
            return out
        wrap = self._wrap(args, shift, grow)
        out.extend(e for e in self._realign(args, shift)
                   if not any(w.start <= e.start < w.end for w in wrap))
        return out + wrap

    def _reargue(self, acq, args: Node) -> None:
        """The device in place of its of_node, and the trailing arguments the managed
        form lacks dropped: `(np, NULL, NULL, dev)` -> `(dev)`."""
        params = args.named_children
        pieces = []  # (start, end, text) relative to args
        if acq.api.device == OF_NODE:
            node = params[acq.api.device_arg]
            pieces.append((node.start_byte, node.end_byte, acq.device))
        if acq.api.kept_args is not None and 0 < acq.api.kept_args < len(params):
            pieces.append((params[acq.api.kept_args - 1].end_byte, args.end_byte - 1, ""))
        text = self.src.raw[args.start_byte:args.end_byte].decode("utf-8", "surrogateescape")
        for start, end, new in sorted(pieces, reverse=True):
            text = text[:start - args.start_byte] + new + text[end - args.start_byte:]
        self.overrides[key(args)] = (args, text)
        self._fe(enclosing_function(acq.call))  # a local that held the of_node may go unused

    def _wrap(self, args: Node, shift: int, grow: dict[int, int]) -> list[Edit]:
        """When the call's first line now runs past MAX_COLUMNS, move the arguments
        from the first one that does not fit to a new line, aligned with the
        parenthesis (as checkpatch wants)."""
        line_end = self.src.line_end(args.start_byte)
        content_end = len(self.src.raw[:line_end].rstrip(b"\r\n"))
        if _visual_col(self.src, content_end) + shift + max(grow.values(), default=0) <= MAX_COLUMNS:
            return []
        params = [p for p in args.named_children if p.start_byte < content_end]
        for i, p in enumerate(params):
            end = _visual_col(self.src, p.end_byte) + shift + grow.get(i, 0) + 1  # its comma
            if end > MAX_COLUMNS:
                if i == 0:
                    return []
                col = _visual_col(self.src, args.start_byte) + shift + 1
                comma = self.src.raw.index(b",", params[i - 1].end_byte) + 1
                return [self._wrap_edit(args, comma, p, params[-1], col, content_end)]
        return []

    def _wrap_edit(self, args: Node, comma: int, first: Node, last: Node, col: int,
                   content_end: int) -> Edit:
        """Start a line at ``first``; when the call goes on over a next line and the
        moved arguments fit in front of it, join them there."""
        nxt = self.src.line_end(args.start_byte)
        newline = b"\r\n" if self.src.raw[nxt - 2:nxt] == b"\r\n" else b"\n"
        moved = self.src.raw[first.start_byte:content_end].rstrip()
        if args.end_byte > nxt and moved.endswith(b","):
            rest = self.src.raw[nxt:self.src.line_end(nxt)].rstrip(b"\r\n")
            joined = moved + b" " + rest.lstrip(b" \t")
            if col + len(joined) <= MAX_COLUMNS:
                return Edit(comma, nxt + len(rest) - len(rest.lstrip(b" \t")),
                            newline + _indent_to(col) + moved + b" ")
        return Edit(comma, first.start_byte, newline + _indent_to(col))

    def _realign(self, args: Node, shift: int) -> list[Edit]:
        """Keep continuation lines aligned with the opening parenthesis."""
        if shift == 0 or args.start_point[0] == args.end_point[0]:
            return []
        paren_col = _visual_col(self.src, args.start_byte)
        out = []
        offset = self.src.line_end(args.start_byte)
        while offset < args.end_byte:
            indent = self.src.indent_of(offset)
            if _width(indent) == paren_col + 1:
                out.append(Edit(offset, offset + len(indent), _indent_to(paren_col + 1 + shift)))
            offset = self.src.line_end(offset)
        return out

    # -- cleanups --------------------------------------------------------------------------
    def _is_dead(self, fe: FunctionEdits, node: Node) -> bool:
        if fe.deleted:
            return True
        for n in [node, *ancestors(node)]:
            if key(n) in fe.dead:
                return True
            if key(n) == key(fe.node):
                return False
        return False

    def _live_children(self, fe: FunctionEdits, block: Node) -> list[Node]:
        return [c for c in block.named_children if is_statement(c) and key(c) not in fe.dead]

    def _cleanup_round(self) -> bool:
        changed = False
        for fe in list(self.fns.values()):
            if fe.deleted or not (fe.dead or fe.replaced or self._overridden_in(fe)):
                continue
            changed |= self._gotos_to_returns(fe)
            changed |= self._unused_labels(fe)
            changed |= self._empty_ifs(fe)
            changed |= self._unused_locals(fe)
            changed |= self._empty_function(fe)
        if not changed:
            for fe in self.fns.values():
                if not fe.deleted:
                    self._braces(fe)
        return changed

    def _overridden_in(self, fe: FunctionEdits) -> bool:
        return any(within(n, fe.node) for n, _ in self.overrides.values())

    def _labels(self, fe: FunctionEdits) -> dict[str, Node]:
        return {self.src.text(n.child_by_field_name("label")): n
                for n in descendants(fe.node, "labeled_statement")}

    def _goto_label(self, fe: FunctionEdits, goto: Node) -> str:
        return fe.retarget.get(key(goto)) or self.src.text(goto.child_by_field_name("label"))

    def _effective_label(self, fe: FunctionEdits, label: Node) -> Node:
        """``label``, or the later label it now only falls through to, when every
        statement between them went: gotos are retargeted there."""
        cur = label
        while True:
            inner = [c for c in cur.named_children if is_statement(c)]
            if inner and inner[0].type == "labeled_statement":
                cur = inner[0]
                continue
            if inner and key(inner[0]) not in fe.dead:
                return cur
            nxt = cur.next_named_sibling
            while nxt is not None and (not is_statement(nxt) or key(nxt) in fe.dead):
                nxt = nxt.next_named_sibling
            if nxt is None or nxt.type != "labeled_statement" or key(nxt) in fe.dead_labels:
                return cur
            cur = nxt

    def _live_gotos(self, fe: FunctionEdits) -> list[Node]:
        return [g for g in descendants(fe.node, "goto_statement")
                if key(g) not in fe.replaced and not self._is_dead(fe, g)]

    def _first_live_from(self, fe: FunctionEdits, label: Node) -> Node | None:
        """The first statement that runs from ``label``, stepping over dead statements
        and falling through further labels."""
        cur = label
        while cur is not None:
            if cur.type == "labeled_statement":
                inner = [c for c in cur.named_children if is_statement(c)]
                cur = inner[0] if inner else None
                continue
            if key(cur) not in fe.dead:
                return cur
            nxt = next_statement(cur)
            outer = cur
            while nxt is None and outer.parent is not None and outer.parent.type == "labeled_statement":
                outer = outer.parent  # `a: b: stmt;` ends where the outermost label ends
                nxt = next_statement(outer)
            cur = nxt
        return None

    def _gotos_to_returns(self, fe: FunctionEdits) -> bool:
        changed = False
        labels = self._labels(fe)
        for g in self._live_gotos(fe):
            label = labels.get(self._goto_label(fe, g))
            original = labels.get(self.src.text(g.child_by_field_name("label")))
            if label is None or original is None:
                continue
            first = self._first_live_from(fe, label)
            if first is not None and key(first) in fe.replaced:  # a goto we made a return
                fe.replaced[key(g)] = self._fold_assignment(fe, g, fe.replaced[key(first)])
                changed = True
                continue
            if first is None or first.type != "return_statement":
                target = self._effective_label(fe, label)
                if key(target) != key(label):
                    fe.retarget[key(g)] = self.src.text(target.child_by_field_name("label"))
                    changed = True
                continue
            inner = [c for c in original.named_children if is_statement(c)]
            if inner and key(inner[0]) == key(first) and key(first) not in fe.returned_at:
                continue  # it already only returned and we sent nothing there: not ours
            if not self._return_in_scope(fe, first, g):
                continue
            fe.replaced[key(g)] = self._fold_assignment(fe, g, self.src.text(first))
            fe.returned_at.add(key(first))
            changed = True
        return changed

    def _fold_assignment(self, fe: FunctionEdits, goto: Node, ret: str) -> str:
        """`ret = -ENOMEM; goto out;` where out now only does `return ret;` becomes
        `return -ENOMEM;` (the assignment goes) when ret is a local of the function."""
        m = re.fullmatch(r"return\s+([A-Za-z_]\w*)\s*;", ret)
        prev = self._prev_live(fe, goto)
        if m is None or prev is None or prev.type != "expression_statement" or not prev.named_children:
            return ret
        asg = prev.named_children[0]
        var = m.group(1)
        if asg.type != "assignment_expression" or \
                self.src.text(asg.child_by_field_name("operator")) != "=" or \
                self.src.compact(asg.child_by_field_name("left")) != var or \
                not self._is_local(fe, var):
            return ret
        fe.dead.add(key(prev))
        return f"return {self._text(asg.child_by_field_name('right'))};"

    def _text(self, node: Node) -> str:
        """A node's text with the expression rewrites applied."""
        return self.overrides[key(node)][1] if key(node) in self.overrides else self.src.text(node)

    def _is_local(self, fe: FunctionEdits, name: str) -> bool:
        body = fe.node.child_by_field_name("body")
        for decl in body.named_children:
            if decl.type == "declaration" and any(
                    self.src.text(i) == name for i in descendants(decl, "identifier")):
                return True
        return False

    def _return_in_scope(self, fe: FunctionEdits, ret: Node, goto: Node) -> bool:
        names = {self.src.text(i) for i in descendants(ret, "identifier")}
        for block in ancestors(goto):
            if key(block) == key(fe.node):
                break
            if block.type != "compound_statement" or key(block.parent) == key(fe.node):
                continue
            for decl in block.named_children:
                if decl.type == "declaration" and names & {self.src.text(i) for i in descendants(decl, "identifier")}:
                    return False
        return True

    def _unused_labels(self, fe: FunctionEdits) -> bool:
        changed = False
        used_now = {self._goto_label(fe, g) for g in self._live_gotos(fe)}
        used_before = {self.src.text(g.child_by_field_name("label"))
                       for g in descendants(fe.node, "goto_statement")}
        for name, label in self._labels(fe).items():
            if key(label) in fe.dead_labels or name in used_now or name not in used_before:
                continue
            fe.dead_labels.add(key(label))
            changed = True
            prev = self._prev_live(fe, label)
            if prev is not None and self._terminates(fe, prev):
                self._kill_until_label(fe, label, used_now)
        return changed

    def _terminates(self, fe: FunctionEdits, stmt: Node) -> bool:
        """``stmt`` cannot fall through (looking inside `label: stmt`)."""
        while stmt.type == "labeled_statement":
            inner = [c for c in stmt.named_children if is_statement(c)]
            if not inner:
                return False
            stmt = inner[-1]
        return stmt.type in ("return_statement", "goto_statement") or key(stmt) in fe.replaced

    def _prev_live(self, fe: FunctionEdits, node: Node) -> Node | None:
        """The live statement before ``node`` in its block.  A label that went is
        transparent; a label still in use is returned as is (it is an entry point)."""
        prev = node.prev_named_sibling
        while prev is not None:
            if prev.type == "labeled_statement" and key(prev) in fe.dead_labels:
                last = self._last_live_inside(fe, prev)
                if last is not None:
                    return last
            elif is_statement(prev) and key(prev) not in fe.dead:
                return prev
            prev = prev.prev_named_sibling
        return None

    def _last_live_inside(self, fe: FunctionEdits, label: Node) -> Node | None:
        """The last live statement inside a label that went (`a: b: stmt`, nested)."""
        for s in reversed([c for c in label.named_children if is_statement(c)]):
            if s.type == "labeled_statement" and key(s) in fe.dead_labels:
                last = self._last_live_inside(fe, s)
                if last is not None:
                    return last
            elif key(s) not in fe.dead:
                return s
        return None

    def _kill_until_label(self, fe: FunctionEdits, label: Node, used: set) -> None:
        """Statements reachable only through a label that just went are dead too; an
        inner label (`a: b: stmt`) still in use is an entry point and stays."""
        inner = [c for c in label.named_children if is_statement(c)]
        for s in inner:
            if s.type == "labeled_statement":
                if self.src.text(s.child_by_field_name("label")) in used:
                    return
                fe.dead_labels.add(key(s))
                self._kill_until_label(fe, s, used)
                continue
            fe.dead.add(key(s))
        nxt = label.next_named_sibling
        while nxt is not None and nxt.type != "labeled_statement":
            if is_statement(nxt):
                fe.dead.add(key(nxt))
            nxt = nxt.next_named_sibling

    def _empty_ifs(self, fe: FunctionEdits) -> bool:
        changed = False
        for ifs in descendants(fe.node, "if_statement"):
            if self._is_dead(fe, ifs):
                continue
            cons = ifs.child_by_field_name("consequence")
            alt = ifs.child_by_field_name("alternative")
            cons_empty = self._block_empty(fe, cons)
            if alt is not None:
                if cons_empty:
                    raise CleanupFailed("an if-branch with an else became empty")
                alt_body = alt.named_children[-1] if alt.named_children else None
                if alt_body is not None and self._block_empty(fe, alt_body):
                    raise CleanupFailed("an else-branch became empty")
                continue
            if not cons_empty:
                continue
            if _has_side_effects(ifs.child_by_field_name("condition")):
                raise CleanupFailed("an if with a side-effecting condition lost its body")
            fe.dead.add(key(ifs))
            fe.dropped_ifs += 1
            changed = True
        return changed

    def _block_empty(self, fe: FunctionEdits, node: Node) -> bool:
        if key(node) in fe.dead:
            return True
        if node.type == "compound_statement":
            had = [c for c in node.named_children if is_statement(c)]
            return bool(had) and not self._live_children(fe, node)
        return False

    def _live_identifier_uses(self, fe: FunctionEdits) -> dict[str, int]:
        uses: dict[str, int] = {}
        overridden = [n for n, _ in self.overrides.values() if within(n, fe.node)]
        for ident in descendants(fe.node.child_by_field_name("body"), "identifier"):
            if not self._is_dead(fe, ident) and not self._inside_replaced(fe, ident) and \
                    not any(within(ident, n) for n in overridden):
                uses[self.src.text(ident)] = uses.get(self.src.text(ident), 0) + 1
        texts = list(fe.replaced.values()) + \
            [t for n, t in self.overrides.values() if n in overridden and not self._is_dead(fe, n)]
        for text in texts:
            for word in re.findall(r"[A-Za-z_]\w*", text):
                uses[word] = uses.get(word, 0) + 1
        return uses

    def _inside_replaced(self, fe: FunctionEdits, node: Node) -> bool:
        return any(key(a) in fe.replaced for a in ancestors(node))

    def _unused_locals(self, fe: FunctionEdits) -> bool:
        """Locals the conversion left unread go, with their pure stores; in `int i, ret;`
        only the unread declarator goes."""
        changed = False
        uses_now = self._live_identifier_uses(fe)
        uses_before: dict[str, int] = {}
        for ident in descendants(fe.node.child_by_field_name("body"), "identifier"):
            uses_before[self.src.text(ident)] = uses_before.get(self.src.text(ident), 0) + 1
        for decl in descendants(fe.node.child_by_field_name("body"), "declaration"):
            if self._is_dead(fe, decl) or key(decl) in self.overrides:
                continue
            declarators = decl.children_by_field_name("declarator")
            unused = [d for d in declarators if self._unused(fe, d, uses_now, uses_before)]
            if not unused:
                continue
            for d in unused:
                fe.dead.update(key(st) for st in self._pure_stores(fe, self._declared(d)))
                fe.dropped_locals.append(self._declared(d))
            if len(unused) == len(declarators):
                fe.dead.add(key(decl))
            else:  # `int i, ret;` -> `int i;`
                kept = [self.src.text(d) for d in declarators if d not in unused]
                head = self.src.raw[decl.start_byte:declarators[0].start_byte].decode("utf-8", "surrogateescape")
                self.overrides[key(decl)] = (decl, f"{head}{', '.join(kept)};")
            changed = True
        return changed

    def _declared(self, d: Node) -> str | None:
        name_node = d
        while name_node is not None and name_node.type != "identifier":
            name_node = name_node.child_by_field_name("declarator")
        return self.src.text(name_node) if name_node is not None else None

    def _unused(self, fe: FunctionEdits, d: Node, uses_now: dict, uses_before: dict) -> bool:
        """The declarator's name was read before the conversion and no longer is (but by
        pure stores), and its initialiser, if any, has no side effects."""
        name = self._declared(d)
        if name is None:
            return False
        own = sum(1 for i in descendants(d, "identifier") if self.src.text(i) == name)
        stores = self._pure_stores(fe, name)
        if uses_now.get(name, 0) > own + len(stores) or uses_before.get(name, 0) <= own + len(stores):
            return False
        value = d.child_by_field_name("value") if d.type == "init_declarator" else None
        return value is None or _pure(value, self.src)

    def _pure_stores(self, fe: FunctionEdits, name: str) -> list[Node]:
        """Live `name = <pure>;` statements: they go with the local when nothing else
        reads it (`res = platform_get_resource(...);` once the release using res went)."""
        out = []
        for asg in descendants(fe.node.child_by_field_name("body"), "assignment_expression"):
            stmt = asg.parent
            if stmt.type == "expression_statement" and not self._is_dead(fe, stmt) and \
                    self.src.compact(asg.child_by_field_name("left")) == name and \
                    self.src.text(asg.child_by_field_name("operator")) == "=" and \
                    _pure(asg.child_by_field_name("right"), self.src):
                out.append(stmt)
        return out

    def _empty_function(self, fe: FunctionEdits) -> bool:
        body = fe.node.child_by_field_name("body")
        live = self._live_children(fe, body)
        if any(s.type != "return_statement" or self.src.compact(s) not in ("return0;", "return;")
               for s in live):
            return False
        name = function_name(fe.node, self.src)
        plan = next((p for p in self.plans if p.driver.remove == name), None)
        refs = [i for i in descendants(self.src.root, "identifier")
                if self.src.text(i) == name and not within(i, fe.node)]
        if plan is not None and plan.driver.bus.remove_optional and plan.driver.remove_pair is not None:
            pair = plan.driver.remove_pair
            others = [r for r in refs if not within(r, pair) and not _in_prototype(r)]
            if others:
                return False
            fe.deleted = True
            self.extra_dead_nodes.append(pair)
            self.extra_dead_nodes.extend(_prototype(r) for r in refs if _in_prototype(r))
            return True
        if plan is None and is_static(fe.node, self.src) and _is_helper_only_called(refs):
            fe.deleted = True
            for r in refs:
                call = r.parent
                caller = enclosing_function(call)
                self._fe(caller).dead.add(key(call.parent))
            return True
        return False

    def _braces(self, fe: FunctionEdits) -> None:
        for ifs in descendants(fe.node, "if_statement"):
            if self._is_dead(fe, ifs) or ifs.child_by_field_name("alternative") is not None:
                continue
            if ifs.parent is not None and ifs.parent.type == "else_clause":
                continue
            cons = ifs.child_by_field_name("consequence")
            if cons.type != "compound_statement":
                continue
            had = [c for c in cons.named_children if is_statement(c)]
            live = self._live_children(fe, cons)
            if len(had) < 2 or len(live) != 1:
                continue
            only = live[0]
            if only.type in ("if_statement", "declaration", "labeled_statement") or \
                    only.start_point[0] != only.end_point[0] or \
                    any(c.type == "comment" for c in cons.named_children):
                continue
            if not (self._brace_alone_at_end(cons) and self._brace_opens_line(cons)):
                continue
            fe.unbraced.add(key(cons))

    def _brace_alone_at_end(self, cons: Node) -> bool:
        close = cons.end_byte - 1
        return not self.src.raw[self.src.line_start(close):close].strip() and \
            not self.src.raw[cons.end_byte:self.src.line_end(close)].strip()

    def _brace_opens_line(self, cons: Node) -> bool:
        after = self.src.raw[cons.start_byte + 1:self.src.line_end(cons.start_byte)]
        return not after.strip()

    # -- what was done, for a changelog ------------------------------------------------------
    def made(self) -> list[str]:
        """One changelog sentence per kind of cleanup the edits make in a function, in
        file order, then the includes added (call after :meth:`edits`)."""
        lines = []
        for fe in sorted(self.fns.values(), key=lambda f: f.node.start_byte):
            name = function_name(fe.node, self.src)
            if fe.deleted:
                lines.append(f"Drop the now empty remove() function, {name}()"
                             if any(p.driver.remove == name for p in self.plans)
                             else f"Drop {name}(), which became empty, and its calls")
                continue
            lines.extend(f"In {name}(), {what}" for what in self._function_cleanups(fe))
        lines.extend(f"Include <{header}>, which declares {', '.join(n + '()' for n in names)}"
                     for header, names in self.included.items())
        return lines

    def _function_cleanups(self, fe: FunctionEdits) -> list[str]:
        gotos = [g for g in descendants(fe.node, "goto_statement") if not self._is_dead(fe, g)]
        labels = [self.src.text(n.child_by_field_name("label"))
                  for n in descendants(fe.node, "labeled_statement")
                  if key(n) in fe.dead_labels and not self._is_dead(fe, n)]
        unbraced = [n for n in descendants(fe.node, "compound_statement")
                    if key(n) in fe.unbraced and not self._is_dead(fe, n)]
        out = []
        if any(key(g) in fe.replaced for g in gotos):
            out.append("return directly instead of jumping to a label that only returns")
        if any(key(g) in fe.retarget for g in gotos):
            out.append("jump straight to the label that still has work to do")
        if labels:
            out.append(f"drop {_names('label', labels)}, which nothing jumps to any more")
        if fe.dropped_ifs:
            out.append("drop the `if` whose body only released" if fe.dropped_ifs == 1
                       else "drop the `if`s whose bodies only released")
        if fe.dropped_locals:
            out.append(f"drop {_names('local', fe.dropped_locals)}, no longer used")
        if unbraced:
            out.append("drop the braces around what became a single statement")
        return out

    # -- rendering ---------------------------------------------------------------------------
    def _include_edits(self) -> list[Edit]:
        """`#include <linux/io.h>` for a managed form the file's includes may not declare:
        in order among sorted `<linux/...>` includes, else after the last of them."""
        needed = sorted({a.api.header for p in self.plans for a in p.conversions
                         if a.api.header and not p.as_action(a)})
        have = set(re.findall(rb"^#\s*include\s*<([^>]+)>", self.src.raw, re.M))
        # only includes at file scope: never inside an #if block
        top = [(n.start_byte, n.end_byte) for n in self.src.root.named_children if n.type == "preproc_include"]
        lines = [m for m in re.finditer(rb"^#\s*include\s*<(linux/[^>]+)>[^\n]*\n", self.src.raw, re.M)
                 if any(a <= m.start() < b for a, b in top)]
        out = []
        for header in needed:
            if header.encode() in have or not lines:
                continue
            self.included[header] = sorted({p.managed_name(a) for p in self.plans for a in p.conversions
                                            if a.api.header == header and not p.as_action(a)})
            names = [m.group(1) for m in lines]
            after = next((m for m in lines if m.group(1) > header.encode()), None) \
                if names == sorted(names) else None  # unsorted: after the last
            at = after.start() if after is not None else lines[-1].end()
            out.append(Edit(at, at, f"#include <{header}>{self._newline(at)}".encode()))
        return out

    def _render(self) -> list[Edit]:
        edits = list(self.calls) + self._include_edits()
        for offset, text, exit_stmt, fe, var in self.actions:
            exit_text = self._exit_text(fe, exit_stmt)
            if exit_text.startswith("return"):  # nothing left to unwind: pass the status on
                exit_text = f"return {var};"
            edits.append(Edit(offset, offset, (text + exit_text).encode()))
        for node, text in self.overrides.values():
            fe = self._fe(enclosing_function(node))
            if not self._is_dead(fe, node):
                edits.append(Edit(node.start_byte, node.end_byte, text.encode()))
        whole_lines: list[tuple[int, int]] = []
        dead_nodes: list[Node] = list(self.extra_dead_nodes)
        for fe in self.fns.values():
            if fe.deleted:
                dead_nodes.append(fe.node)
                continue
            for n in descendants(fe.node, *_STATEMENT_TYPES):
                if key(n) in fe.dead and not any(key(a) in fe.dead for a in ancestors(n)):
                    dead_nodes.append(n)
            for n in descendants(fe.node, "goto_statement"):
                if self._is_dead(fe, n):
                    continue
                if key(n) in fe.replaced:
                    edits.append(Edit(n.start_byte, n.end_byte, fe.replaced[key(n)].encode()))
                elif key(n) in fe.retarget:
                    edits.append(Edit(n.start_byte, n.end_byte, f"goto {fe.retarget[key(n)]};".encode()))
            for n in descendants(fe.node, "labeled_statement"):
                if key(n) in fe.dead_labels and not self._is_dead(fe, n):
                    inner = [c for c in n.named_children if is_statement(c)]
                    if inner and all(key(c) in fe.dead for c in inner):
                        dead_nodes.append(n)  # `err: kfree(p);` goes as a whole
                    else:
                        whole_lines.extend(self._label_lines(n, edits))
            for n in descendants(fe.node, "compound_statement"):
                if key(n) in fe.unbraced and not self._is_dead(fe, n):
                    whole_lines.append(self._unbrace(n, edits))
        line_ranges, inline = self._deletion_ranges(dead_nodes)
        line_ranges.extend(whole_lines)
        edits.extend(inline)
        edits.extend(Edit(s, e, b"") for s, e in _tidy_blank_lines(self.src, line_ranges))
        return _merge(edits)

    def _label_lines(self, label: Node, edits: list[Edit]) -> list[tuple[int, int]]:
        """Drop `name:`; the whole line when the label stands alone on it."""
        name = label.child_by_field_name("label")
        colon = self.src.raw.index(b":", name.end_byte)
        inner = [c for c in label.named_children if is_statement(c)]
        if inner and self.src.line_of(inner[0].start_byte) > self.src.line_of(label.start_byte):
            start = self.src.line_start(label.start_byte)
            if not self.src.raw[start:label.start_byte].strip() and \
                    not self.src.raw[colon + 1:self.src.line_end(colon)].strip():
                return [(start, self.src.line_end(colon))]
        end = inner[0].start_byte if inner else colon + 1
        edits.append(Edit(label.start_byte, end, b""))
        return []

    def _unbrace(self, cons: Node, edits: list[Edit]) -> tuple[int, int]:
        """`if (x) {` + one statement + `}` loses ` {` (an edit) and the line holding
        `}` (returned, as a whole-line deletion)."""
        open_start = cons.start_byte
        while open_start > 0 and self.src.raw[open_start - 1] in b" \t":
            open_start -= 1
        edits.append(Edit(open_start, cons.start_byte + 1, b""))
        close = cons.end_byte - 1
        return (self.src.line_start(close), self.src.line_end(close))

    def _leading_comments_start(self, fn: Node) -> int:
        """Where ``fn`` starts counting the comments right above it (its kernel-doc)."""
        start = fn.start_byte
        prev = fn.prev_sibling
        while prev is not None and prev.type == "comment" and \
                self.src.line_of(prev.end_byte) >= self.src.line_of(start) - 1:
            start = prev.start_byte
            prev = prev.prev_sibling
        return start

    def _comment_only_about(self, stmt: Node, dead: set) -> Node | None:
        """A comment on its own line(s) right above ``stmt`` that can only be about it:
        what follows ``stmt`` is nothing, dead too, a return, or set apart by a blank
        line."""
        if stmt.type == "function_definition":
            return None
        prev = stmt.prev_sibling
        if prev is None or prev.type != "comment" or \
                self.src.line_of(prev.end_byte) != self.src.line_of(stmt.start_byte) - 1 or \
                self.src.raw[self.src.line_start(prev.start_byte):prev.start_byte].strip():
            return None
        nxt = stmt.next_named_sibling
        if nxt is None or key(nxt) in dead or nxt.type == "return_statement" or \
                self.src.line_of(nxt.start_byte) > self.src.line_of(stmt.end_byte) + 1:
            return prev
        return None

    def _deletion_ranges(self, nodes: list[Node]):
        """Whole lines for nodes alone on their lines; the node and its leading blanks
        otherwise.  Comments directly above a deleted function go with it."""
        lines, inline = [], []
        dead = {key(n) for n in nodes}
        for n in nodes:
            start, end = n.start_byte, n.end_byte
            comment = self._comment_only_about(n, dead)
            if comment is not None:
                start = comment.start_byte
            if n.type == "initializer_pair":
                nxt = n.next_sibling
                if nxt is not None and nxt.type == ",":
                    end = nxt.end_byte
            if n.type == "function_definition":
                start = self._leading_comments_start(n)
            before = self.src.raw[self.src.line_start(start):start]
            after = self.src.raw[end:self.src.line_end(end)]
            if not before.strip() and (not after.strip() or after.strip().startswith(b"/*") and after.strip().endswith(b"*/")):
                lines.append((self.src.line_start(start), self.src.line_end(end)))
            else:
                s = start
                while s > 0 and self.src.raw[s - 1] in b" \t":
                    s -= 1
                inline.append(Edit(s, end, b""))
        return lines, inline


_STATEMENT_TYPES = (
    "expression_statement", "declaration", "if_statement", "return_statement",
    "goto_statement", "labeled_statement", "compound_statement", "for_statement",
    "while_statement", "do_statement", "switch_statement",
)


def _tidy_blank_lines(src: SourceFile, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge deleted line ranges and drop a blank line a deletion leaves dangling
    (before a closing brace, or doubled)."""
    ranges = sorted(ranges)
    merged: list[list[int]] = []
    for s, e in ranges:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out = []
    for s, e in merged:
        prev_start = src.line_start(s - 1) if s > 0 else None
        prev_blank = prev_start is not None and not src.raw[prev_start:s].strip()
        nxt = src.raw[e:src.line_end(e)] if e < len(src.raw) else b""
        next_blank = e < len(src.raw) and not nxt.strip()
        if prev_blank and (next_blank or nxt.strip().startswith(b"}") or e >= len(src.raw)):
            s = prev_start
        elif next_blank and prev_start is not None and src.raw[prev_start:s].rstrip().endswith(b"{"):
            e = src.line_end(e)
        if out and s <= out[-1][1]:
            out[-1] = (min(out[-1][0], s), max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _names(what: str, names: list[str]) -> str:
    """`the label err`, `the labels err_irq and err_free`."""
    return f"the {what}{'s' if len(names) > 1 else ''} {and_list(names)}"


def and_list(items: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`: a list in a changelog sentence."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _merge(edits: list[Edit]) -> list[Edit]:
    """Sort, drop duplicates (two driver structs sharing one probe plan the same edit)
    and edits contained in a larger deletion, and check nothing overlaps."""
    edits.sort(key=lambda e: (e.start, -(e.end - e.start)))
    out: list[Edit] = []
    for e in edits:
        if out and (e.start, e.end, e.text) == (out[-1].start, out[-1].end, out[-1].text):
            continue
        if out and e.start < out[-1].end:
            last = out[-1]
            if last.text == b"" and e.end <= last.end:
                continue  # inside a deleted range
            raise CleanupFailed("overlapping edits")
        out.append(e)
    return out


def apply(raw: bytes, edits: list[Edit]) -> bytes:
    out, pos = [], 0
    for e in edits:
        out.append(raw[pos:e.start])
        out.append(e.text)
        pos = e.end
    out.append(raw[pos:])
    return b"".join(out)


def _has_side_effects(node: Node) -> bool:
    return any(n.type in ("call_expression", "assignment_expression", "update_expression")
               for n in descendants(node, "call_expression", "assignment_expression", "update_expression"))


def _pure(value: Node, src: SourceFile) -> bool:
    for call in descendants(value, "call_expression"):
        if not pure_call(src.text(call.child_by_field_name("function"))):
            return False
    return not any(True for _ in descendants(value, "assignment_expression", "update_expression"))


def _in_prototype(ident: Node) -> bool:
    return _prototype(ident) is not None


def _prototype(ident: Node) -> Node | None:
    p = ident.parent
    if p is not None and p.type == "function_declarator":
        decl = p.parent
        if decl is not None and decl.type == "declaration":
            return decl
    return None


def _is_helper_only_called(refs: list[Node]) -> bool:
    return bool(refs) and all(
        r.parent.type == "call_expression" and r.parent.parent.type == "expression_statement"
        and enclosing_function(r) is not None for r in refs
    )


def _width(indent: bytes) -> int:
    col = 0
    for c in indent:
        col = (col // 8 + 1) * 8 if c == 0x09 else col + 1
    return col


def _visual_col(src: SourceFile, offset: int) -> int:
    return _width(src.raw[src.line_start(offset):offset])


def _indent_to(col: int) -> bytes:
    return b"\t" * (col // 8) + b" " * (col % 8)
