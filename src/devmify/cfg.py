"""A control-flow view of one C function, enough for probe/remove analysis.

The *main path* is the way a probe runs when every check passes: statements in order,
`if`/`switch`/loops/`#if` blocks stepped over (their conditions are the error checks),
labels fallen through, `goto` followed, stopping at the first `return`.  An *exit walk*
from a statement follows the same rules forward from it and says where it ends: at a
return (with which value) or by merging into the main path.  Knows nothing of APIs.
"""

from __future__ import annotations

from dataclasses import dataclass

from tree_sitter import Node

from .source import SourceFile, ancestors

LOOPS = ("for_statement", "while_statement", "do_statement")
STEP_OVER = ("if_statement", "switch_statement", *LOOPS)


def key(node: Node) -> tuple[int, int, str]:
    return (node.start_byte, node.end_byte, node.type)


def is_statement(node: Node) -> bool:
    return node.is_named and (
        node.type.endswith("_statement") or node.type in ("declaration",)
        or node.type.startswith("preproc_")
    )


def next_statement(node: Node) -> Node | None:
    """The next sibling of ``node`` that is a statement (comments skipped)."""
    sib = node.next_named_sibling
    while sib is not None and not is_statement(sib):
        sib = sib.next_named_sibling
    return sib


def last_statement(body: Node) -> Node | None:
    """The last statement of a block, or the body itself when it is one statement."""
    if body.type != "compound_statement":
        return body
    inner = [c for c in body.named_children if is_statement(c)]
    return inner[-1] if inner else None


@dataclass
class Exit:
    kind: str  # "return", "merge" (joins the main path), "end" (falls off), "unknown"
    node: Node | None = None

    def value(self, src: SourceFile) -> str | None:
        """The returned expression's text, '' for a bare return, None when not a return."""
        if self.kind != "return":
            return None
        expr = self.node.named_children
        expr = [e for e in expr if e.type != "comment"]
        return src.compact(expr[0]) if expr else ""


class FunctionFlow:
    def __init__(self, fn: Node, src: SourceFile):
        self.fn = fn
        self.src = src
        self.body = fn.child_by_field_name("body")
        self.labels: dict[str, Node] = {}
        for n in _statements_below(self.body):
            if n.type == "labeled_statement":
                self.labels[src.text(n.child_by_field_name("label"))] = n
        self.main: set[tuple[int, int, str]] = set()
        self._simulate_main()

    # -- navigation -------------------------------------------------------------------
    def _first_in(self, block: Node) -> Node | None:
        for c in block.named_children:
            if is_statement(c):
                return c
        return None

    def _after(self, node: Node) -> Node | str | None:
        """The statement that runs after ``node`` completes normally, or a stop reason."""
        while True:
            parent = node.parent
            if parent is None or node == self.body or key(node) == key(self.body):
                return "end"
            if parent.type == "compound_statement":
                sib = next_statement(node)
                if sib is not None:
                    return sib
                node = parent
            elif parent.type in ("labeled_statement", "if_statement", "else_clause"):
                node = parent
            elif parent.type in LOOPS:
                return "loop"
            elif parent.type == "function_definition":
                return "end"
            else:  # case labels, #if blocks, anything else: not followed
                return "unknown"

    def _enter(self, node: Node) -> Node | str | None:
        """Where execution goes when reaching ``node`` (descending into blocks/labels)."""
        if node.type == "labeled_statement":
            inner = [c for c in node.named_children if is_statement(c)]
            return inner[0] if inner else self._after(node)
        if node.type == "compound_statement":
            first = self._first_in(node)
            return first if first is not None else self._after(node)
        return node

    # -- main path ----------------------------------------------------------------------
    def _simulate_main(self) -> None:
        cur = self._enter(self.body)
        seen = set()
        while isinstance(cur, Node) and key(cur) not in seen:
            seen.add(key(cur))
            self.main.add(key(cur))
            if cur.type in ("labeled_statement", "compound_statement"):
                cur = self._enter(cur)
            elif cur.type == "return_statement":
                return
            elif cur.type == "goto_statement":
                target = self.labels.get(self.src.text(cur.child_by_field_name("label")))
                if target is None:
                    return
                cur = target
            elif cur.type in ("break_statement", "continue_statement"):
                return
            else:
                cur = self._after(cur)

    def on_main_path(self, stmt: Node) -> bool:
        return key(stmt) in self.main

    def exit_from(self, stmt: Node) -> Exit:
        """Where execution goes after ``stmt`` runs, assuming later checks pass."""
        cur = self._after(stmt)
        seen = set()
        while isinstance(cur, Node):
            if key(cur) in seen:
                return Exit("unknown")
            seen.add(key(cur))
            if key(cur) in self.main:
                return Exit("merge", cur)
            if cur.type in ("labeled_statement", "compound_statement"):
                cur = self._enter(cur)
            elif cur.type == "return_statement":
                return Exit("return", cur)
            elif cur.type == "goto_statement":
                cur = self.labels.get(self.src.text(cur.child_by_field_name("label")))
            elif cur.type in ("break_statement", "continue_statement"):
                return Exit("unknown")
            else:
                cur = self._after(cur)
        return Exit(cur if cur in ("end",) else "unknown")

    def runs_after(self, stmt: Node):
        """The statements that run after ``stmt`` completes, in order, up to the return
        that ends the function: gotos followed, labels fallen through, an `if` or loop
        on the way yielded whole (either branch may run)."""
        cur = self._after(stmt)
        seen = set()
        while isinstance(cur, Node) and key(cur) not in seen:
            seen.add(key(cur))
            if cur.type in ("labeled_statement", "compound_statement"):
                cur = self._enter(cur)
                continue
            yield cur
            if cur.type in ("return_statement", "break_statement", "continue_statement"):
                return
            if cur.type == "goto_statement":
                cur = self.labels.get(self.src.text(cur.child_by_field_name("label")))
            else:
                cur = self._after(cur)

    def is_error_exit(self, stmt: Node) -> bool:
        """``stmt`` runs only on the way to a failing return: off the main path, and the
        walk from it reaches a `return X` with X other than 0."""
        if self.on_main_path(stmt) or self.in_loop(stmt):
            return False
        ex = self.exit_from(stmt)
        if ex.kind == "merge" and self._only_reached_by_goto(stmt):
            # an unwind ladder falling into the exit the success path shares:
            # `err_free: kfree(p); out: return ret;` with `goto out;` on success
            shared = self._enter(ex.node) if ex.node.type == "labeled_statement" else ex.node
            if isinstance(shared, Node) and shared.type == "return_statement":
                ex = Exit("return", shared)
        value = ex.value(self.src)
        return value is not None and value not in ("", "0")

    def _only_reached_by_goto(self, stmt: Node) -> bool:
        """Off the main path and in no conditional block: only a goto gets here."""
        for a in ancestors(stmt):
            if key(a) == key(self.body):
                return True
            if a.type in ("if_statement", "else_clause", "switch_statement", "case_statement",
                          *LOOPS) or a.type.startswith("preproc_"):
                return False
        return True

    def unreachable(self, node: Node) -> bool:
        """``node`` comes after a return, goto, break or continue in its block with no
        label between (bare nested blocks looked through): nothing ever runs it."""
        cur = node
        while not is_statement(cur) or cur.parent.type not in ("compound_statement", "labeled_statement"):
            cur = cur.parent
            if cur is None or key(cur) == key(self.body):
                return False
        while cur.parent.type == "compound_statement" and key(cur) != key(self.body):
            if cur.type == "labeled_statement":
                return False  # a goto may land here
            prev = cur.prev_named_sibling
            while prev is not None and not is_statement(prev):
                prev = prev.prev_named_sibling
            if prev is None:
                if cur.parent.parent is None or cur.parent.parent.type != "compound_statement":
                    return False
                cur = cur.parent  # a bare `{ ... }` block: reached as its block is
                continue
            inner = prev
            while inner.type == "labeled_statement":
                stmts = [c for c in inner.named_children if is_statement(c)]
                if not stmts:
                    break
                inner = stmts[0]
            if inner.type in ("return_statement", "goto_statement", "break_statement",
                              "continue_statement"):
                return True
            if prev.type == "labeled_statement":
                return False
            cur = prev
        return False

    def in_loop(self, node: Node) -> bool:
        for a in ancestors(node):
            if key(a) == key(self.body):
                return False
            if a.type in LOOPS:
                return True
        return False

    def enclosing_conditions(self, node: Node) -> list[Node]:
        """The `if` statements whose consequence or else branch holds ``node``."""
        out = []
        child = node
        for a in ancestors(node):
            if key(a) == key(self.body):
                break
            if a.type == "if_statement" and key(child) != key(a.child_by_field_name("condition")):
                out.append(a)
            child = a
        return out



def _statements_below(node: Node):
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type == "labeled_statement":
            yield n
        stack.extend(c for c in n.named_children if c.is_named)
