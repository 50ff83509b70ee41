"""Every path through probe, with what it holds: leaks, double releases, remove() leaks.

A small symbolic walk over probe's statements (the static helpers it calls walked in
place, to HELPER_DEPTH): each `if` forks the path, `goto` is followed, a loop runs its
body once or not at all, a `switch` takes each case.  Along a path it keeps

* what is held: every unmanaged catalogue acquisition (or the driver's own enable) by
  access path, from the call until a release of it;
* what each tested value is known to be: `ret` after `if (ret)` is an error, `p` after
  `if (IS_ERR(p))` too, and an acquisition whose result the taken branch shows failed
  is not held (`if (!p) return -ENOMEM;` leaks nothing);
* what was released, to see a second release of the same thing.

A path ends at a `return`, classed as a failure (`-ENOMEM`, `PTR_ERR(p)`,
`dev_err_probe(...)`, a `ret` the path showed to be an error), a success (`0`, a `ret`
shown to be 0), or unknown (nothing said).  A path a condition contradicts is dropped.
States that meet at the same statement merge, once they have forgotten what nothing
after it can read (Walk.forget_dead); a walk that exceeds STEP_BUDGET statement visits
gives up on the driver and reports nothing from it (bounded, never hanging).

What counts as released besides a catalogue release: a static helper that releases it
(walked), a devm action registered for it (`devm_add_action_or_reset(dev, fn, data)`
where fn releases it or data is it), any call named like a release
(`*_put`/`*_free`/`*_release`/`*_unregister`/...) given it or what holds it, and a list
insertion of it or of a field of it (the list's owner frees it).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from tree_sitter import Node

from . import catalogue
from .catalogue import BUS
from .cfg import LOOPS, is_statement, key, next_statement
from .resources import (
    HELPER_DEPTH, NUMBER, DriverModel, FunctionInfo, ancestors_in, declarator_name, param_names,
)
from .source import descendants, enclosing_function, function_name, strip_casts

STEP_BUDGET = 20_000
ERR, OK = "err", "ok"
RELEASE_WORDS = re.compile(
    r"(^|_)(put|free|release|destroy|unregister|unmap|iounmap|remove|del|exit|cleanup|"
    r"deinit|uninit|teardown|disable|unprepare|detach)(_|$)")
# calls that give the object to a container, which frees it with the rest (n2_core's
# `list_add(&p->list, list)`, freed by spu_list_destroy(list))
HANDED_OVER = re.compile(r"^(list_add|list_add_tail|list_move|list_move_tail|hlist_add_head|"
                         r"hlist_add_head_rcu|list_add_rcu|list_add_tail_rcu|llist_add)$")
_ACTIONS = ("devm_add_action_or_reset", "devm_add_action")
_FAILS = ("PTR_ERR", "ERR_PTR", "dev_err_probe", "ERR_CAST")
_UNWRAP = ("likely", "unlikely", "WARN_ON", "WARN_ON_ONCE")
_IS_ERR = ("IS_ERR", "IS_ERR_OR_NULL")
_SUBSCRIPT = re.compile(r"\[[^\]]*\]")


class OverBudget(Exception):
    pass


@dataclass(frozen=True)
class Held:
    api: str
    path: str
    target: str
    line: int
    type_path: str | None = None  # `struct foo->clk`: the same field through another local
    handle: str = ""              # where a status acquisition's result went (`priv->area`)

    def named_by(self, path: str, type_path: str | None) -> bool:
        """``path`` is this object, or may be: the same struct field where either path
        goes through a local nothing links (`helper:ring->slots`)."""
        if same(path, self.path):
            return True
        unresolved = ":" in path or ":" in self.path
        return unresolved and type_path is not None and "->" in type_path and type_path == self.type_path


@dataclass
class State:
    held: dict = field(default_factory=dict)      # (path, api, call offset) -> Held
    released: dict = field(default_factory=dict)  # the same key -> (line, call, guarded, Held)
    values: dict = field(default_factory=dict)    # path -> ERR | OK
    links: dict = field(default_factory=dict)     # path -> held keys its failure undoes
    alias: dict = field(default_factory=dict)     # path -> the held path it was copied from
    trail: tuple = ()  # the lines where this path chose a branch or jumped (not in sig)

    def copy(self) -> "State":
        return State(dict(self.held), dict(self.released), dict(self.values),
                     dict(self.links), dict(self.alias), self.trail)

    def resolve(self, path: str) -> str:
        """``path`` through the copies the path made (`cascade->floors[i] = mtd;`)."""
        amp = "&" if path.startswith("&") else ""
        bare = path.lstrip("&")
        for copy, original in self.alias.items():
            if bare == copy or bare.startswith((copy + "->", copy + ".")):
                rest = bare[len(copy):]
                if original.startswith("&") and rest.startswith("->"):  # (&priv->leds[i])->cdev
                    return amp + original[1:] + "." + rest[2:]
                return amp + original + rest
        return path

    def sig(self) -> tuple:
        # a key names its Held (the acquisition call and where the walk was): the Held
        # dataclasses need not be hashed as well
        return (frozenset(self.held), frozenset((k, v[:3]) for k, v in self.released.items()),
                frozenset(self.values.items()), frozenset(self.links.items()),
                frozenset(self.alias.items()))

    def fail(self, path: str, value: str) -> bool:
        """Record that ``path`` tests as ``value``; False when the path knew otherwise."""
        known = self.values.get(path)
        if known is not None and known != value:
            return False
        self.values[path] = value
        if value == ERR:
            for k in self.links.get(path, ()):
                self.held.pop(k, None)
        return True


@dataclass
class Leak:
    held: Held
    ret: Node
    on_error: bool   # False: held when probe succeeds
    trail: tuple     # lines where the path branched or jumped


@dataclass
class Double:
    held: Held
    arg: str
    call: Node
    name: str
    first_line: int
    trail: tuple


class Walk:
    """One driver's probe, walked."""

    def __init__(self, model: DriverModel, releases):
        self.model = model
        self.src = model.src
        self.steps = 0
        managed = {n for _, _, n in model.probe_calls}
        self.acquisitions = {
            key(a.call): a for a in model.acquisitions
            if a.path and not a.api.release_optional
            and not (a.stmt is not None and "__free(" in self.src.text(a.stmt))  # scoped
            and not (a.api.via and catalogue.apis()[a.api.via].managed in managed)
        }
        self.releases = {key(r.call): r for r in releases}
        # values that are NULL (or an ERR_PTR) when their acquisition failed
        self.pointers = {self.canon(self.model.info[a.function], model.assigned(a.call)[0])
                         for a in self.acquisitions.values()
                         if (not a.api.status or a.api.null_on_failure) and model.assigned(a.call)[0]}
        self.apis = {**{a.name: a for a in model.driver_pairs}, **catalogue.apis()}
        self._status_vars: dict[str, set[str]] = {}
        self.site: list[int] = []  # the helper calls the walk is inside
        self.site_nodes: list[Node] = []
        self._order: dict = {}     # statement -> its calls and assignments, in order
        self.aliased: list = []    # (function, local) aliases the walk added, to take back
        self._calls: dict = {}
        self._ends: dict = {}
        self._parts: dict = {}     # the one copy of each part of a state's sig
        self._words: dict = {}     # (statement, helper calls the walk is inside) -> Live
        self._reaches: dict = {}   # (function, offset) -> names from there on
        self._others: frozenset[str] | None = None
        self._wholes: dict = {}        # the file's function -> what a call to it can run
        self._arrivals: dict = {}      # statement -> how many states reached it
        self._reader_lists: dict = {}  # function -> where it reads values
        self.leaks: list[Leak] = []
        self.doubles: list[Double] = []

    # -- the walk ------------------------------------------------------------------------
    def run(self) -> None:
        probe = self.model.info[self.model.driver.probe]
        try:
            walked = self.function(probe, State(), 0)
        finally:
            for fi, name in self.aliased:
                fi.aliases.pop(name, None)
        # a probe no path of which succeeds fails on purpose (i2c-sis5595 keeps its
        # region and adapter and returns -ENODEV so another driver can bind): no leaks
        self.succeeds = any(cls == OK for _, cls, _ in walked)
        for state, cls, ret in walked:
            if ret is None or cls is None or (cls == ERR and not self.succeeds):
                continue
            for h in state.held.values():
                self.leaks.append(Leak(h, ret, cls == ERR, state.trail))

    def function(self, fi: FunctionInfo, state: State, depth: int, preset: dict | None = None):
        """(state, return class, return node) for every way through ``fi``; ``preset``:
        values its parameters are known to have."""
        prefix = fi.name + ":"
        for k in [k for k in state.values if k.startswith(prefix)]:
            del state.values[k]
        state.values.update(preset or {})
        body = fi.node.child_by_field_name("body")
        labels = fi.flow.labels
        out, seen = [], set()
        stack = [(self.enter(body), state)]
        while stack:
            node, st = stack.pop()
            if node is None:
                continue
            if node == "end":
                out.append((st, None, None))
                continue
            self.steps += 1
            if self.steps > STEP_BUDGET:
                raise OverBudget
            arrived = self._arrivals[key(node)] = self._arrivals.get(key(node), 0) + 1
            if arrived > 1:  # only where paths meet does forgetting let states merge
                self.forget_dead(fi, node, st)
            # the parts of a state repeat across marks: one object each (the marks of a walk
            # to the step budget once took 80 MB)
            mark = (key(node), tuple(self._parts.setdefault(p, p) for p in st.sig()))
            if mark in seen:
                continue
            seen.add(mark)
            t = node.type
            if t == "return_statement":
                value = _returned(node)
                for s in self.effects(fi, value, st, depth):
                    for cls, s2 in self.classify(fi, value, s):
                        out.append((s2, cls, node))
            elif t == "if_statement":
                cond = node.child_by_field_name("condition")
                alt = node.child_by_field_name("alternative")
                then = self.enter(node.child_by_field_name("consequence"))
                other = self.enter(_else_body(alt)) if alt is not None else self.after(node)
                for yes in self.branch(fi, cond, True, st.copy(), depth):
                    stack.append((then, self.went(yes, then)))
                for no in self.branch(fi, cond, False, st.copy(), depth):
                    stack.append((other, self.went(no, other)))
            elif t == "switch_statement":
                for s in self.effects(fi, node.child_by_field_name("condition"), st, depth):
                    cases = [c for c in node.child_by_field_name("body").named_children
                             if c.type == "case_statement"]
                    for c in cases:
                        stack.append((self.enter(c), s.copy()))
                    if not any(c.child_by_field_name("value") is None for c in cases):
                        stack.append((self.after(node), s))
            elif t in LOOPS:
                head = [node.child_by_field_name(f) for f in ("initializer", "condition")]
                states = [st]
                for h in head:
                    states = [s2 for s in states for s2 in self.effects(fi, h, s, depth)]
                body_node = node.child_by_field_name("body")
                for s in states:
                    stack.append((self.enter(body_node), s.copy()))
                    if t != "do_statement" and not self.unwinds(body_node, s):
                        stack.append((self.after(node), s))
            elif t == "goto_statement":
                target = labels.get(self.src.text(node.child_by_field_name("label")))
                target = self.enter(target) if target is not None else None
                stack.append((target, self.went(st.copy(), target)))
            elif t in ("break_statement", "continue_statement"):
                stops = LOOPS if t == "continue_statement" else (*LOOPS, "switch_statement")
                loop = next((a for a in ancestors_in(node, fi.node) if a.type in stops), None)
                stack.append((self.after(loop) if loop is not None else None, st))
            elif t in ("labeled_statement", "compound_statement", "case_statement") or t.startswith("preproc_"):
                stack.append((self.enter(node), st))
            else:
                for s in self.effects(fi, node, st, depth):
                    stack.append((self.after(node), s))
        return out

    def forget_dead(self, fi: FunctionInfo, node: Node, state: State) -> None:
        """Drop what the path knows that nothing from ``node`` on can read, so that states
        differing only there go on as one (the walk over e1000's probe once ran out of
        budget on 2,009 value sets, most of them tests no later statement repeats).
        What can still run: the rest of this function, the file's functions called
        there, and the callers' rest after the helper calls the walk is inside.

        * A call's value (`@call<offset>`) is dead once the call cannot run again (a
          helper walked twice tests its calls as the first walk found them: dropping
          those sooner made e1000e's walk five times longer).
        * A tested value (`fn:ret`, `fn:priv->irq`, `@test_bit(...)`) is read only where
          a condition, a return, an assigned value or an argument of a file's function
          names it, by the path's last name (a call's whole text): dead when none of
          what can still run holds that name.  Facts read under another name are kept:
          addresses and driver data aliases (`&...`, `@drvdata`), what a name may
          stand for (:meth:`_other_names`), and what a copy resolves to."""
        live = self._live(fi, node)
        copied = state.alias.values()  # read through a copy's name (see resolve)
        for facts in (state.values, state.links, state.alias):
            if facts:
                for k in live.dead(tuple(facts), facts is state.alias):
                    if k not in copied:
                        del facts[k]

    def _other_names(self) -> frozenset[str]:
        """The last names of what a name may stand for (a local's alias, a field that
        holds another path: `priv->phys = res->start`): a fact about `res->start` is read
        by `priv->phys`, which does not hold `start`."""
        if self._others is None:
            targets = list(self.model.field_values.values()) + \
                [v for f in self.model.info.values() for v in f.aliases.values()]
            self._others = frozenset(n for t in targets if (n := _last_name(t)))
        return self._others

    def _live(self, fi: FunctionInfo, node: Node) -> "Live":
        """What can still read a fact: from ``node`` on, and in the callers from each
        helper call the walk is inside."""
        at = (key(node), tuple(self.site))
        live = self._words.get(at)
        if live is None:
            words, spans = set(self._other_names()), []
            pending = [(enclosing_function(c), _statement_of(c)) for c in self.site_nodes]
            for fn, n in [(fi.node, node)] + pending:
                more, where = self._reach(fn, n)
                words |= more
                spans += where
            live = self._words[at] = Live(frozenset(words), tuple(spans))
        return live

    def _reach(self, fn: Node, node: Node) -> tuple[frozenset[str], list[tuple[int, int]]]:
        """What can run from ``node`` on in ``fn`` (from the earliest label a later
        `goto` jumps back to), and the file's functions called there, and theirs: the
        names read there (in conditions, returns, assigned values and the arguments of
        those calls: a release, `kfree(priv->buf)`, or a plain call reads no value the
        walk keeps), and the spans of source."""
        k = (key(fn), node.start_byte)
        if k not in self._reaches:
            start = node.start_byte
            name = function_name(fn, self.src)
            labels = self.model.info[name].flow.labels if name in self.model.info else {}
            for g in descendants(fn, "goto_statement"):
                label = labels.get(self.src.text(g.child_by_field_name("label")))
                if g.start_byte >= start and label is not None and label.start_byte < start:
                    start = label.start_byte
            words, spans = set(), [(start, fn.end_byte)]
            for at, names, callee in self._readers(fn):
                if at >= start:
                    words |= names
                    if callee is not None:
                        more, where = self._whole(callee)
                        words |= more
                        spans += where
            self._reaches[k] = (frozenset(words), spans)
        return self._reaches[k]

    def _whole(self, name: str) -> tuple[frozenset[str], list[tuple[int, int]]]:
        """What a call to the file's function ``name`` can run: its names read and the
        spans of its body and of the functions it calls, and theirs."""
        if name not in self._wholes:
            self._wholes[name] = (frozenset(), [])  # a recursive call adds nothing new
            words, spans, todo, seen = set(), [], [name], {name}
            while todo:
                body = self.model.fns[todo.pop()]
                spans.append((body.start_byte, body.end_byte))
                for _, names, callee in self._readers(body):
                    words |= names
                    if callee is not None and callee not in seen:
                        seen.add(callee)
                        todo.append(callee)
            self._wholes[name] = (frozenset(words), spans)
        return self._wholes[name]

    def _readers(self, fn: Node) -> list[tuple[int, frozenset[str], str | None]]:
        """Where ``fn`` reads values: (offset, the names there, the file's function
        called there or None) for conditions, returns, assigned values and calls to
        the file's functions (their arguments)."""
        k = key(fn)
        if k not in self._reader_lists:
            out = []
            for n in descendants(fn, *_READERS):
                callee = None
                if n.type == "call_expression":
                    callee = self.src.text(n.child_by_field_name("function"))
                    if callee not in self.model.fns:
                        continue
                    part = n
                elif n.type in ("return_statement", "conditional_expression"):
                    part = n
                else:
                    part = n.child_by_field_name(_READERS[n.type])
                if part is not None:  # its names, and its calls' texts as a test names them
                    names = {w.decode() for w in _WORD.findall(self.src.raw[part.start_byte:part.end_byte])}
                    names.update("@" + self.src.compact(c) for c in descendants(part, "call_expression"))
                    out.append((n.start_byte, frozenset(names), callee))
            self._reader_lists[k] = out
        return self._reader_lists[k]

    def went(self, state: State, node) -> State:
        """``state``, noting the line the path goes on at (for the reader of a finding)."""
        line = self.src.line_of(node.start_byte) if isinstance(node, Node) else None
        if line is not None and state.trail[-1:] != (line,):
            state.trail = (*state.trail, line)
        return state

    def calls(self, node: Node) -> list[Node]:
        if key(node) not in self._calls:
            self._calls[key(node)] = calls_in(node)
        return self._calls[key(node)]

    def unwinds(self, body: Node, state: State) -> bool:
        """The loop releases something the path holds (`while (i--) free_irq(irq[i]);`,
        or through a helper): it mirrors the loop that acquired, so it runs (no path
        skips it)."""
        names = self.reached([self.src.text(c.child_by_field_name("function")) for c in self.calls(body)])
        held = {r for h in state.held.values() for r in self.apis[h.api].releases}
        return bool(names & held) or any(self.ends(n) for n in names)

    def enter(self, node: Node | None):
        """The first statement that runs when control reaches ``node``."""
        while node is not None:
            if node.type in ("labeled_statement", "compound_statement", "case_statement") \
                    or node.type.startswith("preproc_"):
                inner = [c for c in node.named_children if is_statement(c)
                         and c.type not in ("preproc_else", "preproc_elif")]
                if not inner:
                    return self.after(node)
                node = inner[0]
            else:
                return node
        return None

    def after(self, node: Node):
        """The statement that runs after ``node`` completes: "end" when the function
        falls off its end, None where the walk does not follow."""
        while True:
            parent = node.parent
            if parent is None or parent.type == "function_definition":
                return "end"
            if parent.type in ("compound_statement", "case_statement") or parent.type.startswith("preproc_"):
                sib = next_statement(node)
                if sib is not None and sib.type not in ("preproc_else", "preproc_elif"):
                    return self.enter(sib)
            elif parent.type not in ("labeled_statement", "if_statement", "else_clause",
                                     "switch_statement", *LOOPS):
                return None
            node = parent

    # -- what a statement does -----------------------------------------------------------
    def effects(self, fi: FunctionInfo, node: Node | None, state: State, depth: int) -> list[State]:
        """The states after ``node``'s calls and assignments run, in evaluation order."""
        states = [state]
        if node is None:
            return states
        k = key(node)
        if k not in self._order:
            self._order[k] = _postorder(node)
        for n in self._order[k]:
            if n.type == "call_expression":
                states = [s2 for s in states for s2 in self.call(fi, n, s, depth)]
            elif n.type == "assignment_expression":
                left = self.src.compact(n.child_by_field_name("left"))
                plain = self.src.text(n.child_by_field_name("operator")) == "="
                for s in states:
                    self.assign(fi, left, n.child_by_field_name("right") if plain else None, s)
            elif n.type == "init_declarator" and n.child_by_field_name("value") is not None:
                for s in states:
                    self.assign(fi, declarator_name(n, self.src) or "", n.child_by_field_name("value"), s)
        return states

    def call(self, fi: FunctionInfo, call: Node, state: State, depth: int) -> list[State]:
        name = self.src.text(call.child_by_field_name("function"))
        args = call.child_by_field_name("arguments").named_children
        me = _result(call)
        acq = self.acquisitions.get(key(call))
        if acq is not None:
            path = state.resolve(self.canon(fi, acq.target))  # through this call's arguments
            k = (path, acq.api.name, (*self.site, acq.call.start_byte))
            assigned = self.model.assigned(call)[0]
            handle = self.canon(fi, assigned) if assigned else path
            if assigned and (not acq.api.status or acq.api.null_on_failure):
                self.pointers.add(handle)  # the value it returned, not what it names
            state.held[k] = Held(acq.api.name, path, acq.target, acq.line, acq.type_path, handle)
            state.released.pop(k, None)
            state.links[me] = (k,)
        rel = self.releases.get(key(call))
        if rel is not None:
            self.release(rel, state.resolve(self.canon(fi, rel.arg)), state)
        helper = self.model.info.get(name)
        if helper is not None and helper.role == "probe-helper" and depth < HELPER_DEPTH \
                and helper.flow is not None and helper is not fi:
            # walked even when it is a driver's own enable or disable: what it acquires
            # or releases inside is tracked the same with or without the pair
            out = []
            self.site.append(call.start_byte)  # a helper called twice acquires twice
            self.site_nodes.append(call)
            saved = dict(helper.aliases)      # its parameters stand for this call's arguments
            preset = {}                       # and a literal one is known (`init(priv, true)`)
            for pname, arg in zip(param_names(helper.node, self.src), args):
                text = self.src.compact(arg)
                if pname and (text in ("true", "false") or NUMBER.match(text)):
                    preset[self.canon(helper, pname)] = OK if text in ("false", "0") else ERR
                elif pname:
                    bound = self.canon(fi, self.src.compact(arg))
                    unbound = f"{helper.name}:{pname}"  # locals aliased through the parameter
                    for local, value in helper.aliases.items():
                        if value.lstrip("&").startswith(unbound) and \
                                value.lstrip("&")[len(unbound):][:1] in ("", "-", "."):
                            amp = "&" if value.startswith("&") else ""
                            helper.aliases[local] = amp + bound + value.lstrip("&")[len(unbound):]
                    helper.aliases[pname] = bound
            try:
                walked = self.function(helper, state.copy(), depth + 1, preset)
                for st, _, ret in walked:  # `return mtd;`: the call's value is that object
                    value = _returned(ret)
                    if value is not None and value.type in ("identifier", "field_expression"):
                        returned = self.canon(helper, self.src.compact(value))
                        st.alias[me] = st.alias.get(returned, returned)
            finally:
                helper.aliases.clear()
                helper.aliases.update(saved)
                self.site.pop()
                self.site_nodes.pop()
            for s, cls, _ in walked:
                if cls is None or s.fail(me, cls):
                    out.append(s)
            return out
        if acq is not None or rel is not None:
            return [state]
        if name in _ACTIONS and len(args) >= 3:
            self.action(fi, args[1], args[2], state)
        elif self.ends(name) or HANDED_OVER.match(name):
            for a in args:
                text = self.src.compact(a)
                path = state.resolve(self.canon(fi, text).lstrip("&"))
                # `kref_put(&dev->kref, ...)`, `put_device(&priv->dev)`: a release given a
                # member ends the object it is in, and what that holds
                member = text.startswith("&") and re.search(r"(->|\.)\w+$", path)
                self.drop(path[:member.start()] if member else path, state,
                          bool(HANDED_OVER.match(name)))
        return [state]

    def canon(self, fi: FunctionInfo, text: str) -> str:
        """The access path of ``text`` in ``fi``, any index written `[]` (see same());
        a local whose alias names another aliased local is followed (`bar` is
        `&accel_pci_dev->bars[i]`, `accel_pci_dev` is `&accel_dev->pci`)."""
        out = self.model.canonical(fi, text)
        for _ in range(HELPER_DEPTH + 1):
            m = re.match(rf"^&?{re.escape(fi.name)}:([A-Za-z_]\w*)", out)
            if m is None or m.group(1) not in fi.aliases:
                break
            inner = self.model.canonical(fi, out[m.end() - len(m.group(1)):])
            out = ("&" + inner if out.startswith("&") and not inner.startswith("&") else inner)
        return _SUBSCRIPT.sub("[]", out)

    def bound(self, h: Held) -> bool:
        """``h`` is the bound device itself (`pci_enable_device(pdev)`): there is one,
        whatever expression names it (`priv->pdev`, `accel->pci_dev`)."""
        api = self.apis[h.api]
        return api.device == BUS and api.status and api.resource_arg == api.device_arg

    def ends(self, name: str) -> bool:
        """A call the catalogue does not know as a release that still ends what it is
        given: named like a release, or an entry's also_released_by."""
        if name in self._ends:
            return self._ends[name]
        known = name in self.apis or name in catalogue.release_args()
        self._ends[name] = (bool(RELEASE_WORDS.search(name)) and not known) or \
            any(name in a.also_released_by for a in self.apis.values())
        return self._ends[name]

    def release(self, rel, path: str, state: State) -> None:
        """One release undoes, per API it releases, the latest acquisition it names (two
        buffers allocated through one local share a path; each free takes one)."""
        latest: dict[str, tuple] = {}
        for exact in (True, False):  # the same path first; the same struct field failing that
            for k, h in state.held.items():
                named = (same(path, h.path) or same(path, state.resolve(h.path)) or self.bound(h)) \
                    if exact else h.named_by(path, rel.type_path)
                if named and rel.name in self.apis[h.api].releases:
                    if h.api not in latest or k[2] > latest[h.api][2]:
                        latest[h.api] = k
            if latest:
                break
        for k in latest.values():
            state.released[k] = (rel.line, rel.name, self.guarded(rel.call), state.held.pop(k))
        if latest:
            return
        for line, name, guarded, h in state.released.values():
            if (h.named_by(path, rel.type_path) or state.resolve(h.path) == path) and name == rel.name \
                    and not guarded \
                    and not self.guarded(rel.call):
                self.doubles.append(Double(h, rel.arg, rel.call, rel.name, line, state.trail))
                return

    def guarded(self, call: Node) -> bool:
        """The call, or a helper call the walk is inside, runs under a condition the walk
        cannot judge (`if (hw_running)`, a loop): two such releases may be exclusive in
        ways no path shows."""
        return any(self._guarded(n) for n in (call, *self.site_nodes))

    def _guarded(self, call: Node) -> bool:
        fn = enclosing_function(call)
        fi = self.model.info.get(function_name(fn, self.src))
        for a in ancestors_in(call, fn):
            if a.type in ("switch_statement", "case_statement", *LOOPS):
                return True
            if a.type in ("if_statement", "else_clause"):
                cond = (a if a.type == "if_statement" else a.parent).child_by_field_name("condition")
                facts = self.facts(fi, cond, True) + self.facts(fi, cond, False) if fi else []
                if not facts or not all(self.tracked(fi, p) for p, _ in facts):
                    return True
        return False

    def tracked(self, fi: FunctionInfo, path: str) -> bool:
        """A value the walk follows: an acquisition's result or target, or a variable
        that holds a call's status (`ret = foo(...)`)."""
        if path.startswith("@call") or path in self.pointers:
            return True
        if fi.name not in self._status_vars:
            out = set()
            for asg in descendants(fi.node, "assignment_expression", "init_declarator"):
                right = asg.child_by_field_name("right") or asg.child_by_field_name("value")
                if right is not None and strip_casts(right).type == "call_expression":
                    left = asg.child_by_field_name("left")
                    name = self.src.compact(left) if left is not None else declarator_name(asg, self.src)
                    out.add(self.canon(fi, name or ""))
            self._status_vars[fi.name] = out
        return path in self._status_vars[fi.name]

    def drop(self, path: str, state: State, whole: bool = False) -> None:
        """A release the catalogue does not know takes ``path`` and what it holds;
        ``whole``: a field given (`&p->list`) takes the object it is in."""
        for k, h in list(state.held.items()):
            mine = h.path.lstrip("&")
            if path in (mine, h.handle.lstrip("&")) or mine.startswith((path + "->", path + ".")) \
                    or (whole and path.startswith((mine + "->", mine + "."))):
                del state.held[k]

    def reached(self, names: list[str]) -> set[str]:
        """The functions ``names`` call, and those the file's functions among them call
        (to HELPER_DEPTH)."""
        out, todo = set(names), list(names)
        for _ in range(HELPER_DEPTH + 1):
            bodies = [self.model.fns[n] for n in todo if n in self.model.fns]
            todo = [n for b in bodies for c in self.calls(b)
                    if (n := self.src.text(c.child_by_field_name("function"))) not in out]
            out |= set(todo)
        return out

    def action(self, fi: FunctionInfo, fn: Node, data: Node, state: State) -> None:
        """devm_add_action(_or_reset)(dev, fn, data): devres now releases data and what
        fn's releases release (whatever object they name: fn reaches it through data)."""
        path = state.resolve(self.canon(fi, self.src.compact(data)).lstrip("&"))
        names = self.reached([self.src.text(fn)])
        for k, h in list(state.held.items()):
            if h.path == path or names & set(self.apis[h.api].releases):
                del state.held[k]

    def assign(self, fi: FunctionInfo, left: str, right: Node | None, state: State) -> None:
        """``left = right``; ``right`` None for `|=` and the like (nothing known after)."""
        if right is not None and left in fi.locals and left not in fi.aliases and \
                self.src.compact(strip_casts(right)).startswith("&"):
            # `struct ring *tx = &priv->tx;`: tx names priv->tx for the rest of the walk
            fi.aliases[left] = self.canon(fi, self.src.compact(strip_casts(right)))
            self.aliased.append((fi, left))
        lhs = self.canon(fi, left)
        state.values.pop(lhs, None)
        state.links.pop(lhs, None)
        state.alias.pop(lhs, None)
        if right is None:
            return
        r = strip_casts(right)
        while r.type == "assignment_expression":  # `a = b = 0;`
            r = strip_casts(r.child_by_field_name("right"))
        text = self.src.compact(r)
        # `p = NULL;`, `priv->buf = kzalloc(...)`: a release of p from here on is not
        # one of what p held before
        type_path = self.model.type_path(fi, left)
        for k in [k for k, rel in state.released.items() if rel[3].named_by(lhs, type_path)]:
            del state.released[k]
        if text in ("NULL", "0"):
            state.values[lhs] = ERR if text == "NULL" else OK
            return
        cls = _literal(r, self.src)
        if cls is not None or text == "true" or re.fullmatch(r"[1-9]\d*", text):
            state.values[lhs] = cls or ERR  # a flag set: nonzero, as a failed status
            return
        if r.type == "call_expression":
            name = self.src.text(r.child_by_field_name("function"))
            args = r.child_by_field_name("arguments").named_children
            src = _result(r)
            fn = self.model.fns.get(name)
            if fn is not None and fn.child_by_field_name("declarator").type == "pointer_declarator":
                self.pointers.add(lhs)  # `mtd = foo_probe_device(...)`: NULL when it failed
            if name == "PTR_ERR_OR_ZERO" and args:
                src = self.canon(fi, self.src.compact(strip_casts(args[0])))
            elif name in _FAILS:
                state.values[lhs] = ERR
                return
        else:
            src = state.resolve(self.canon(fi, text))
        if src in self.pointers:
            self.pointers.add(lhs)  # values of pointers read the other way round
        if src in state.alias:
            state.alias[lhs] = state.alias[src]
        elif r.type in ("identifier", "field_expression", "pointer_expression") and (
                any(c in lhs for c in ("->", ".", "[")) or
                any(src in (h.path, h.handle) for h in state.held.values())):
            state.alias[lhs] = src  # `priv->irq = irq;`: either name releases it
        if src in state.values:
            state.values[lhs] = state.values[src]
        if src in state.links:
            state.links[lhs] = state.links[src]

    # -- conditions and returns ----------------------------------------------------------
    def branch(self, fi: FunctionInfo, cond: Node, truth: bool, state: State, depth: int) -> list[State]:
        """The states in which ``cond`` comes out ``truth``, its calls run as C runs them:
        the right side of `&&`/`||` only when the left does not decide
        (`if (!IS_ERR(clk) && !clk_prepare_enable(clk))` enables only a clock it has)."""
        node = strip_casts(cond)
        if node.type == "unary_expression" and self.src.text(node.child_by_field_name("operator")) == "!":
            return self.branch(fi, node.child_by_field_name("argument"), not truth, state, depth)
        op = self.src.text(node.child_by_field_name("operator")) if node.type == "binary_expression" else ""
        if op in ("&&", "||"):
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            decides = op == "||"  # the left value that decides the whole
            out = self.branch(fi, left, decides, state.copy(), depth) if truth == decides else []
            for s in self.branch(fi, left, not decides, state, depth):
                out += self.branch(fi, right, truth, s, depth)
            return out
        out = []
        for s in self.effects(fi, node, state, depth):
            if all(s.fail(path, value) for path, value in self.facts(fi, node, truth)):
                if not truth:
                    self.untested(fi, node, s)
                out.append(s)
        return out

    def untested(self, fi: FunctionInfo, node: Node, state: State) -> None:
        """``node`` came out false: an acquisition it tests (tested_by) did not take."""
        if node.type != "call_expression":
            return
        name = self.src.text(node.child_by_field_name("function"))
        args = node.child_by_field_name("arguments").named_children
        if not args:
            return
        path = state.resolve(self.canon(fi, self.src.compact(args[0])))
        for k, h in list(state.held.items()):
            if self.apis[h.api].tested_by == name and same(h.path.lstrip("&"), path.lstrip("&")):
                del state.held[k]

    def facts(self, fi: FunctionInfo, node: Node, truth: bool) -> list[tuple[str, str]]:
        node = strip_casts(node)
        t = node.type
        if t == "unary_expression" and self.src.text(node.child_by_field_name("operator")) == "!":
            return self.facts(fi, node.child_by_field_name("argument"), not truth)
        if t == "binary_expression":
            op = self.src.text(node.child_by_field_name("operator"))
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if op == "&&":
                return self.facts(fi, left, True) + self.facts(fi, right, True) if truth else []
            if op == "||":
                return [] if truth else self.facts(fi, left, False) + self.facts(fi, right, False)
            rtext = self.src.compact(right)
            if rtext in ("NULL", "0") and op in ("==", "!="):
                return self.facts(fi, left, truth == (op == "!="))
            if rtext == "0" and op in ("<", ">="):
                return [(p, ERR if truth == (op == "<") else OK) for p, _ in self.facts(fi, left, True)]
            return []
        if t == "call_expression":
            name = self.src.text(node.child_by_field_name("function"))
            args = node.child_by_field_name("arguments").named_children
            if name in _UNWRAP and len(args) == 1:
                return self.facts(fi, args[0], truth)
            if name in _IS_ERR and len(args) == 1:
                return [(self._path(fi, args[0]), ERR if truth else OK)]
            acq = self.acquisitions.get(key(node))
            if acq is not None and acq.api.null_on_failure:
                truth = not truth
            walked = acq is not None or name in self.model.info
            # any other call: the same text tests the same (`if (test_bit(RUNNING, ...))`
            # twice), so paths that take one branch then the other are dropped
            me = _result(node) if walked else "@" + self.src.compact(node)
            return [(me, ERR if truth else OK)]
        if t == "assignment_expression":
            return self.facts(fi, node.child_by_field_name("left"), truth)
        if t in ("identifier", "field_expression", "subscript_expression", "pointer_expression"):
            path = self._path(fi, node)
            return [(path, (OK if truth else ERR) if path in self.pointers else (ERR if truth else OK))]
        return []

    def _path(self, fi: FunctionInfo, node: Node) -> str:
        return self.canon(fi, self.src.compact(strip_casts(node)))

    def classify(self, fi: FunctionInfo, node: Node | None, state: State):
        """(class, state) for each way the returned value can come out."""
        if node is None:
            return [(None, state)]
        node = strip_casts(node)
        cls = _literal(node, self.src)
        if cls is not None:
            return [(cls, state)]
        if node.type == "call_expression":
            name = self.src.text(node.child_by_field_name("function"))
            if name in _FAILS:
                return [(ERR, state)]
            args = node.child_by_field_name("arguments").named_children
            if name == "PTR_ERR_OR_ZERO" and len(args) == 1:  # as `if (IS_ERR(p))` would
                path, out = self._path(fi, args[0]), []
                for cls in (ERR, OK):
                    s = state.copy()
                    if s.fail(path, cls):
                        out.append((cls, s))
                return out
            me = _result(node)
            if me in state.values:
                return [(state.values[me], state)]
            if me in state.links:  # `return request_irq(...)`: it fails, or all is well
                failed = state.copy()
                failed.fail(me, ERR)
                return [(ERR, failed), (OK, state)]
            return [(None, state)]
        if self.src.text(node) == "NULL":  # tree-sitter-c parses it as `null`
            return [(ERR, state)]
        if node.type == "conditional_expression":  # `ret ? ERR_PTR(ret) : NULL`
            arms = [self.classify(fi, node.child_by_field_name(f), state.copy())
                    for f in ("consequence", "alternative")]
            classes = {c for arm in arms for c, _ in arm}
            return [(classes.pop(), state)] if len(classes) == 1 else [(None, state)]
        if node.type in ("identifier", "field_expression"):
            return [(state.values.get(self._path(fi, node)), state)]
        return [(None, state)]


_WORD = re.compile(rb"[A-Za-z_]\w*")
# where a value the walk keeps is read: node type -> the part of it that reads
_READERS = {"if_statement": "condition", "while_statement": "condition", "do_statement": "condition",
            "for_statement": "condition", "switch_statement": "condition",
            "assignment_expression": "right", "init_declarator": "value",
            "return_statement": None, "conditional_expression": None, "call_expression": None}
_NAMED = re.compile(r"^(@.*\(.*)$|^\w+:([A-Za-z_]\w*)$|^[^&@].*(?:->|\.)([A-Za-z_]\w*)$")


@dataclass(frozen=True)
class Live:
    """What can still run at a point of the walk: the names read there, and the spans
    of source (the rest of the function, the helpers it calls, the callers' rest)."""
    words: frozenset[str]
    spans: tuple[tuple[int, int], ...]
    memo: dict = field(default_factory=dict, compare=False, hash=False)

    def dead(self, facts: tuple[str, ...], call_only: bool) -> list[str]:
        """The facts among ``facts`` nothing can read any more (the same sets of facts
        come back at a point of the walk again and again)."""
        k = (facts, call_only)
        if k not in self.memo:
            self.memo[k] = [f for f in facts if not self.reads(f, call_only)]
        return self.memo[k]

    def reads(self, fact: str, call_only: bool = False) -> bool:
        """``fact`` may still be read: a call's value while the call may run again (a
        helper walked twice tests its calls as the first walk found them), another fact
        while a name that reads it is still to come (``call_only``: only calls' values
        are judged)."""
        at, word = _fact_names(fact)
        if at is not None:
            return any(a <= at < b for a, b in self.spans)
        return call_only or word is None or word in self.words


@functools.lru_cache(maxsize=None)
def _fact_names(fact: str) -> tuple[int | None, str | None]:
    """(the offset of the call whose value ``fact`` is, the name every expression that
    reads ``fact`` holds): a call's function, a local's name, a field's; None for a
    fact that may be read under another name (an address, a driver data alias)."""
    if fact.startswith("@call"):
        return int(fact[5:]), None
    m = _NAMED.match(fact)
    return None, next((g for g in m.groups() if g), None) if m else None


def _last_name(path: str) -> str | None:
    names = re.findall(r"[A-Za-z_]\w*", path)
    return names[-1] if names else None


def _statement_of(call: Node) -> Node:
    node = call
    while node.parent is not None and not is_statement(node):
        node = node.parent
    return node


def calls_in(node: Node):
    return list(descendants(node, "call_expression"))


def same(a: str, b: str) -> bool:
    """Two access paths name the same object; any index names any element
    (`bars[i++]` in probe's loop, `bars[i]` in the cleanup's)."""
    return a == b or _SUBSCRIPT.sub("[]", a) == _SUBSCRIPT.sub("[]", b)


def _returned(ret: Node | None) -> Node | None:
    """The expression a return statement returns."""
    if ret is None:
        return None
    value = [c for c in ret.named_children if c.type != "comment"]
    return strip_casts(value[0]) if value else None


def _literal(node: Node, src) -> str | None:
    text = src.compact(node)
    if text in ("0", "false"):
        return OK
    if text == "true":  # a bool helper's yes: nonzero, read as a failed status would be
        return ERR
    if node.type == "unary_expression" and text.startswith("-") and \
            re.fullmatch(r"-(E[A-Z0-9]+|\d+)", text):
        return ERR
    return None


def _result(call: Node) -> str:
    """The name the walk gives a call's value."""
    return f"@call{call.start_byte}"


def _else_body(alt: Node) -> Node:
    if alt.type != "else_clause":
        return alt
    inner = [c for c in alt.named_children if is_statement(c)]
    return inner[0] if inner else alt


def _postorder(node: Node):
    """Calls, assignments and declarators below ``node``, innermost first, not entering
    nested statements' bodies (a statement expression) or sizeof."""
    out = []
    stack = [(node, False)]
    while stack:
        n, done = stack.pop()
        if done:
            out.append(n)
            continue
        if n.type in ("sizeof_expression", "compound_statement") and n is not node:
            continue
        stack.append((n, True))
        stack.extend((c, False) for c in reversed(n.named_children))
    return [n for n in out if n.type in ("call_expression", "assignment_expression", "init_declarator")]
