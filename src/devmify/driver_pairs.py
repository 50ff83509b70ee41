"""Enable/disable pairs a driver defines itself, read from its own error ladder.

`foo_hw_enable(priv);` in probe, whose first error exit after it jumps to a label that
starts with `foo_hw_disable(priv);`, and remove() calling `foo_hw_disable(priv)` too:
the driver says, twice, that the second undoes the first.  Such a pair has no managed
form; like `regulator_enable()`, its disable can move into a devm action, which is what
maintainers ask for when it is the last thing keeping remove() by hand.  The pair is
described as a catalogue entry (class "hardware") so that every rule judges it like any
other; it is *active*: a disable helper touches the hardware, so nothing it may use can be
released before it, and nothing left by hand may run after it (DV019).
"""

from __future__ import annotations

from tree_sitter import Node

from .catalogue import Api
from .cfg import next_statement
from .source import descendants

CLASS = "hardware"  # the catalogue class of a pair: its release is the driver's own helper


# Verbs a driver names an undo with: `foo_hw_enable`/`foo_hw_disable`, `foo_init_supplies`/
# `foo_deinit_supplies`.  The two names must differ in this word alone.
_UNDO = {
    "enable": {"disable"},
    "init": {"exit", "deinit", "uninit", "cleanup", "fini", "teardown", "shutdown"},
    "setup": {"cleanup", "teardown", "shutdown"}, "prepare": {"unprepare"},
    "register": {"unregister"}, "get": {"put"}, "alloc": {"free"}, "on": {"off"},
    "start": {"stop"}, "create": {"destroy"}, "request": {"free", "release"},
    "poweron": {"poweroff"},
}


def _related(enable: str, disable: str) -> bool:
    """The names differ in one word, and that word undoes the other."""
    a, b = enable.split("_"), disable.split("_")
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(a) == len(b) and len(diff) == 1 and diff[0][1] in _UNDO.get(diff[0][0], set())


def _single_call(src, stmt: Node | None) -> tuple[str, str] | None:
    """(function, argument) for `f(x);` or `ret = f(x);`."""
    if stmt is None or stmt.type != "expression_statement" or not stmt.named_children:
        return None
    expr = stmt.named_children[0]
    if expr.type == "assignment_expression":
        expr = expr.child_by_field_name("right")
    if expr.type != "call_expression":
        return None
    args = expr.child_by_field_name("arguments").named_children
    if len(args) != 1:
        return None
    return src.text(expr.child_by_field_name("function")), src.compact(args[0])


def _first_exit(stmt: Node) -> Node | None:
    """The first `if` after ``stmt`` in its block that leaves (return or goto): the
    goto or return it leaves with."""
    nxt = next_statement(stmt)
    while nxt is not None:
        if nxt.type == "if_statement":
            leaves = [n for n in descendants(nxt.child_by_field_name("consequence"),
                                             "goto_statement", "return_statement")]
            if leaves:
                return leaves[-1]
        nxt = next_statement(nxt)
    return None


def _label_start(fn: Node, src, label: str) -> Node | None:
    """The statement the label names (past `a: b:`: a step with nothing to undo shares
    the label of the one before; the names decide whose undo it is)."""
    for lab in descendants(fn.child_by_field_name("body"), "labeled_statement"):
        if src.text(lab.child_by_field_name("label")) == label:
            inner = [c for c in lab.named_children if c.type not in ("statement_identifier", "comment")]
            while inner and inner[0].type == "labeled_statement":
                inner = [c for c in inner[0].named_children
                         if c.type not in ("statement_identifier", "comment")]
            return inner[0] if inner else None
    return None


def _called_in_remove(model, name: str) -> bool:
    return any(fi.role in ("remove", "remove-helper") and
               any(src_text == name for src_text in (
                   model.src.text(c.child_by_field_name("function"))
                   for c in descendants(fi.node.child_by_field_name("body"), "call_expression")))
               for fi in model.info.values())


def find(model) -> list[Api]:
    """The pairs probe's own ladder shows, as catalogue entries (A -> action B)."""
    src, fns = model.src, model.fns
    probe = model.info.get(model.driver.probe)
    if probe is None:
        return []
    out = {}
    for stmt in descendants(probe.node.child_by_field_name("body"), "expression_statement"):
        acquired = _single_call(src, stmt)
        if acquired is None or acquired[0] not in fns:
            continue
        unchecked = stmt.named_children[0].type == "call_expression"
        # a checked enable's own exit runs when it failed: the undo is in the next one
        leave = _first_exit(stmt if unchecked else next_statement(stmt) or stmt)
        if leave is None or leave.type != "goto_statement":
            continue
        label = src.text(leave.named_children[0])
        undo = _single_call(src, _label_start(probe.node, src, label))
        if undo is None or undo[0] not in fns or undo[0] == acquired[0] or undo[1] != acquired[1]:
            continue
        enable, disable = acquired[0], undo[0]
        if not _related(enable, disable):
            continue
        own = None if unchecked else _first_exit(stmt)  # where a failed enable goes
        if own is not None and own.type == "goto_statement" and \
                _single_call(src, _label_start(probe.node, src, src.text(own.named_children[0]))) == undo:
            continue  # the undo runs when the enable failed: it undoes something before
        # the callback devmify writes before probe calls it: it must be declared by then
        if not _called_in_remove(model, disable) or fns[disable].start_byte > probe.node.start_byte:
            continue
        out[enable] = Api(
            name=enable, managed="devm_add_action_or_reset", cls=CLASS, active=True,
            device_arg=0, releases=(disable,), returns="status", resource_arg=0,
            action=disable, switches=(enable, disable), void=unchecked,
            what=(f"{enable}() is undone by {disable}() on probe's error ladder and in remove(): "
                  f"a pair the driver defines itself, with no managed form.  {disable}() moves "
                  f"into a small callback registered with devm_add_action_or_reset() right after "
                  f"{enable}()."),
            why=(f"{disable}() goes from remove() and the error exits, which is often the last "
                 f"thing keeping remove() by hand.  It touches the hardware, so it converts only "
                 f"where nothing it may use is released by devres before it and nothing left by "
                 f"hand runs after its old place (DV019)."),
            example=(f"{enable}(priv); ... err: {disable}(priv);  ->  {enable}(priv); ret = "
                     f"devm_add_action_or_reset(dev, {disable}_action, priv); if (ret) <exit>"),
            instead=f"Keep {disable}() in remove() when remove() still needs the hardware after it.",
        )
    return list(out.values())
