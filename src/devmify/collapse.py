"""Merges of converted calls into the one managed call that does their work together.

`request_mem_region(res->start, resource_size(res), ...)` + `ioremap(res->start,
resource_size(res))`, both converting, are what `devm_ioremap_resource(dev, res)` does;
when `res` is only `platform_get_resource(pdev, IORESOURCE_MEM, n)` looked up for them,
`devm_platform_ioremap_resource(pdev, n)` does the lookup too.  The managed call returns
an ERR_PTR, never NULL, so the mapping's NULL check becomes IS_ERR() and its error code
PTR_ERR().  A merge is only a tidier spelling of conversions already proven safe one by
one: when anything about the code around them does not fit, they stay separate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tree_sitter import Node

from . import catalogue
from .cfg import key, last_statement, next_statement
from .known_apis import pure_call
from .source import descendants, enclosing_function, within

_ERRNO = re.compile(r"^-E[A-Z0-9]+$")
# What may run between a clock's lookup and its enable without caring whether the
# clock is on: error checks, logging, other lookups, allocations, mappings, properties.
_BEFORE_ENABLE = re.compile(
    r"^(IS_ERR|PTR_ERR|IS_ERR_OR_NULL|PTR_ERR_OR_ZERO|dev_err_probe|dev_(err|warn|info|dbg|notice)|"
    r"(devm_)?clk_get(_optional)?|of_clk_get\w*|(devm_)?k[mzc]alloc\w*|(devm_)?kmemdup|"
    r"(devm_)?ioremap\w*|devm_platform_\w*ioremap\w*|platform_get_\w+|of_property_read_\w+|"
    r"device_property_read_\w+|of_device_get_match_data|device_get_match_data|dev_get_platdata)$")
# What may stand between a call that gains a status and the checked call whose exit it
# copies: runtime-PM set-up that devm_pm_runtime_enable() undoes, drvdata, locks, logging.
_SETUP = re.compile(
    r"^(pm_runtime_(set_autosuspend_delay|use_autosuspend|set_active|irq_safe|no_callbacks|"
    r"mark_last_busy)|\w*set_drvdata|i2c_set_clientdata|dev_(err|warn|info|dbg|notice)|"
    r"mutex_init|spin_lock_init|init_completion|init_waitqueue_head|INIT_LIST_HEAD)$")
_STATUS = re.compile(r"^(ret|err|error|rc|retval|status|result|rv)$")
_MAPPING = "iomem"  # the class of what _managed_already merges
_LOOKUP = {"platform_get_resource": "devm_platform_ioremap_resource",
           "platform_get_resource_byname": "devm_platform_ioremap_resource_byname"}


@dataclass
class Collapse:
    call: Node                   # the call that stays, renamed
    name: str                    # its managed name
    args: str | None             # its new arguments (None: keeps them)
    absorbed: list               # the other acquisitions it does the work of
    dead: list[Node] = field(default_factory=list)          # statements that go
    replace: dict = field(default_factory=dict)             # key(node) -> (node, new text)
    sources: list[str] = field(default_factory=list)        # the calls it stands for, in order


def _null_check(src, stmt: Node, name: str) -> Node | None:
    """The `if (!name)` right after ``stmt`` (no else), or None."""
    nxt = next_statement(stmt)
    if nxt is None or nxt.type != "if_statement" or nxt.child_by_field_name("alternative"):
        return None
    cond = src.compact(nxt.child_by_field_name("condition"))
    if cond in (f"(!{name})", f"({name}==NULL)", f"(NULL=={name})", f"(unlikely(!{name}))"):
        return nxt
    return None


def _error_values(src, body: Node) -> list[Node] | None:
    """The error codes an `if` body fails with (`return -ENOMEM;`, `ret = -ENOMEM;
    goto err;`), or None when it fails some other way."""
    values = []
    for ret in descendants(body, "return_statement"):
        value = [c for c in ret.named_children if c.type != "comment"]
        if not value or not _ERRNO.match(src.compact(value[0])):
            return None
        values.append(value[0])
    for goto in descendants(body, "goto_statement"):
        prev = goto.prev_named_sibling
        asg = prev.named_children[0] if prev is not None and prev.type == "expression_statement" \
            and prev.named_children else None
        if asg is None or asg.type != "assignment_expression" or \
                not _ERRNO.match(src.compact(asg.child_by_field_name("right"))):
            return None
        values.append(asg.child_by_field_name("right"))
    return values or None


def _uses(src, fn: Node, name: str) -> list[Node]:
    return [i for i in descendants(fn.child_by_field_name("body"), "identifier") if src.text(i) == name]


def _within_any(node: Node, outers) -> bool:
    return any(within(node, o) for o in outers)


def find(plan, classes: frozenset[str]) -> list[Collapse]:
    """The merges of the plan's conversions, and of already-managed mappings when the
    configuration converts mappings (``classes``: the classes converted; a conversion
    of a class switched off was refused, and merges nothing)."""
    model, src = plan.model, plan.model.src
    out = []
    for m in plan.conversions:
        if m.api.name != "ioremap" or m.stmt is None or m.stmt.type != "expression_statement":
            continue
        args = m.call.child_by_field_name("arguments").named_children
        hit = re.fullmatch(r"(\w+)->start", src.compact(args[0])) if len(args) == 2 else None
        if hit is None or src.compact(args[1]) != f"resource_size({hit.group(1)})":
            continue
        res = hit.group(1)
        q = next((a for a in plan.conversions if a.api.name == "request_mem_region"
                  and a.function == m.function and a.order < m.order
                  and [src.compact(x) for x in a.call.child_by_field_name("arguments").named_children][:2]
                  == [f"{res}->start", f"resource_size({res})"]), None)
        check = _null_check(src, m.stmt, m.target)
        values = _error_values(src, check.child_by_field_name("consequence")) if check else None
        if q is None or values is None or q.stmt.type != "if_statement" or \
                src.compact(q.stmt.child_by_field_name("condition")) != f"(!{src.compact(q.call)})" or \
                q.stmt.child_by_field_name("alternative"):
            continue
        c = Collapse(m.call, "devm_ioremap_resource", f"{m.device}, {res}", [q], [q.stmt],
                     sources=["request_mem_region", "ioremap"])
        cond = check.child_by_field_name("condition")
        c.replace[key(cond)] = (cond, f"(IS_ERR({m.target}))")
        for v in values:
            c.replace[key(v)] = (v, f"PTR_ERR({m.target})")
        _from_platform(plan, model.info[m.function], m.call, res, c)
        out.append(c)
    out.extend(c for e in plan.conversions
               if e.api.merge and isinstance(c := enable_merge(plan, e), Collapse))
    return out + (list(_managed_already(plan)) if _MAPPING in classes else [])


def enable_merge(plan, e) -> Collapse | str:
    """An enable folded into the managed call that got its object.  A lookup that keeps
    its handle is renamed (`X = clk_get(dev, id)` + `clk_prepare_enable(X)` ->
    `X = devm_clk_get_enabled(dev, id)`); one whose merged form returns only a status
    goes, and the enable becomes that call (`regulator_get()` + `regulator_enable()` ->
    `ret = devm_regulator_get_enable(dev, id)`).  When the code does not allow it, the
    reason."""
    model, src = plan.model, plan.model.src
    fi = model.info[e.function]
    partner = _partner(plan, e)
    partners = " or ".join(f"{p}()" for p, _ in e.api.merge)
    if partner is None or partner[0] is not fi:
        return f"no converting or managed {partners} of {e.target} in {e.function}() to merge into"
    _, call, merged, lookup = partner
    # an enable under its own condition (`if (!IS_ERR(clk))`: an optional clock) is not
    # what devm_clk_get_enabled() does, which fails when the clock is missing
    if [key(c) for c in fi.flow.enclosing_conditions(e.call)] != \
            [key(c) for c in fi.flow.enclosing_conditions(call)]:
        return f"the enable runs under a condition its lookup does not: {merged}() would always enable"
    # the lookup must be the object's only source (no fallback lookup under another name)
    others = [(f, a) for f, a in model.assignments(e.path, e.type_path) if key(a) != key(call.parent)]
    if others:
        f, a = others[0]
        return (f"{e.target} is also assigned at line {src.line_of(a.start_byte)} in {f.name}(): "
                f"a fallback lookup would not be enabled")
    if e.api.merged_returns == "status":
        return _status_merge(plan, e, call, merged, lookup)
    dead = _enable_statements(src, e)
    if dead is None:
        return "its result is not checked as `ret = ...; if (ret) <leave>;` (or read again after)"
    # nothing but lookups may run between the lookup and the enable: the merge enables
    # the clock there (before a rate is set, before a supply is switched on)
    earlier = _merging_before(plan, e, call)
    for n in descendants(fi.node.child_by_field_name("body"), "call_expression"):
        name = src.text(n.child_by_field_name("function"))
        if call.end_byte <= n.start_byte < e.call.start_byte and key(n) not in earlier and \
                not (pure_call(name) or _BEFORE_ENABLE.match(name)):
            return (f"{name}() at line {src.line_of(n.start_byte)} runs between the lookup "
                    f"and the enable; {merged}() would enable it first")
    switched = switched_elsewhere(plan, e)
    if switched:
        return switched
    return Collapse(call, merged, None, [e], dead,
                    sources=[src.text(call.child_by_field_name("function")), e.api.name])


def switched_elsewhere(plan, e) -> str | None:
    """Another call that switches e's object (runtime PM, suspend) and stays: devres,
    or a devm action, would undo the enable once more than the driver did it."""
    model, src = plan.model, plan.model.src
    deleted = {key(r.call) for r in plan.released.get(key(e.call), [])}
    for f in model.every_function():
        for n in descendants(f.node.child_by_field_name("body"), "call_expression"):
            name = src.text(n.child_by_field_name("function"))
            args = n.child_by_field_name("arguments").named_children
            if name in e.api.switches and key(n) != key(e.call) and key(n) not in deleted and args and \
                    _same_object(model, f, args[0], e):
                return (f"{name}() at line {src.line_of(n.start_byte)} in {f.name}() also switches "
                        f"{e.target}: devres would undo the enable once more")
    return None


def _same_object(model, f, node: Node, e) -> bool:
    text = model.src.compact(node)
    return model.canonical(f, text) == e.path or \
        bool(e.type_path) and model.type_path(f, text) == e.type_path


def _status_merge(plan, e, lookup_call: Node, merged: str, lookup) -> Collapse | str:
    """`X = regulator_get(dev, id); if (IS_ERR(X)) <leave>; ... ret = regulator_enable(X);`
    -> `ret = devm_regulator_get_enable(dev, id);` in the enable's place, when X serves
    nothing else: the merged call gives no handle back."""
    model, src = plan.model, plan.model.src
    asg, stmt = lookup_call.parent, lookup_call.parent.parent
    if asg.type != "assignment_expression" or stmt is None or stmt.type != "expression_statement":
        return "the lookup is not a plain `X = lookup(...);`"
    target = src.compact(asg.child_by_field_name("left"))
    check = next_statement(stmt)
    if check is None or check.type != "if_statement" or check.child_by_field_name("alternative") or \
            src.compact(check.child_by_field_name("condition")) not in (
                f"(IS_ERR({target}))", f"(unlikely(IS_ERR({target})))") or not _fails(check) or \
            any(src.compact(a.child_by_field_name("left")) == target
                for a in descendants(check, "assignment_expression")):
        return f"the lookup is not checked as `if (IS_ERR({target})) <leave>;`"
    found = checked_call(src, e)
    if found is None or not _passes_status(src, *found):
        return (f"the enable's status is not checked and passed on as `ret = ...; if (ret) "
                f"<leave with ret>`: {merged}() also fails for the lookup (-EPROBE_DEFER)")
    kept = [stmt, check, e.call] + [s for a in (e, lookup) if a is not None
                                    for r in plan.released.get(key(a.call), []) for s in r.stmts]
    for f in model.every_function():
        for n in descendants(f.node.child_by_field_name("body"), "identifier", "field_expression"):
            if not _within_any(n, kept) and _same_object(model, f, n, e):
                return (f"{src.compact(n)} is also used at line {src.line_of(n.start_byte)} in "
                        f"{f.name}(): {merged}() gives no handle back")
    args = ", ".join(src.text(a) for a in lookup_call.child_by_field_name("arguments").named_children)
    return Collapse(e.call, merged, args, [lookup] if lookup else [], [stmt, check],
                    sources=[src.text(lookup_call.child_by_field_name("function")), e.api.name])


def _merging_before(plan, e, lookup: Node) -> set:
    """Enables of other clocks that merge into lookups made before ``lookup``: merged,
    they still run before this one, so they may stand between its lookup and enable."""
    out = set()
    for a in plan.conversions:
        if a is e or not a.api.merge or a.api.merged_returns == "status" or a.function != e.function:
            continue  # (a status merge stays where the enable was)
        partner = _partner(plan, a)
        if partner is not None and partner[1].start_byte < lookup.start_byte:
            out.add(key(a.call))
    return out


def _partner(plan, e):
    """(function info, call, merged name, converting acquisition or None) of the
    acquisition that produced e's object."""
    model = plan.model
    merge = dict(e.api.merge)
    for a in plan.conversions:
        if a.api.name in merge and a.path == e.path:
            return model.info[a.function], a.call, merge[a.api.name], a
    managed = {catalogue.apis()[name].managed: m for name, m in merge.items()}
    for fi, call, name, path in model.managed_calls():
        if name in managed and path == e.path:
            return fi, call, managed[name], None
    return None


def _enable_statements(src, e) -> list[Node] | None:
    """The enable's statement and its error check: `ret = f(x); if (ret) ...;` or
    `if (f(x)) ...;`, the check only failing; None for any other shape.  The status
    must not be read again before it is set anew (it goes with the statements)."""
    stmt = e.stmt
    call = src.compact(e.call)
    if stmt.type == "if_statement":
        cond = src.compact(stmt.child_by_field_name("condition"))
        if cond not in (f"({call})", f"({call}<0)") or stmt.child_by_field_name("alternative"):
            return None
        return [stmt] if _fails(stmt) else None
    found = checked_call(src, e)
    if found is None:
        return None
    var, check = found
    later = [i for i in descendants(enclosing_function(stmt), "identifier")
             if i.start_byte > check.end_byte and src.text(i) == var]
    if later and not _assigned_here(later[0]):
        return None
    return [stmt, check]


def checked_call(src, acq) -> tuple[str, Node] | None:
    """(status variable, its check) for `ret = f(x);` followed by `if (ret) ...` whose
    body leaves (return or goto); None for any other shape."""
    found = _checked(src, acq.stmt)
    if found is None or src.compact(found[0].child_by_field_name("right")) != src.compact(acq.call):
        return None
    return src.compact(found[0].child_by_field_name("left")), found[1]


def next_check(plan, acq) -> tuple[str, Node] | None:
    """(status variable, check) of the first checked call after ``acq`` (`ret = f(...);
    if (ret) <leave>`), past statements that only set things up or are calls like it
    converting too: that exit unwinds what was acquired up to ``acq`` (what those
    calls undo leaves it with them).  The variable must be named as a status is."""
    src = plan.model.src
    passable = {key(a.call) for a in plan.conversions if a.api.void}
    nxt = next_statement(acq.stmt)
    while nxt is not None and _setup_only(src, nxt, passable):
        nxt = next_statement(nxt)
    found = _checked(src, nxt)
    if found is None or found[0].child_by_field_name("right").type != "call_expression":
        return None
    var = src.compact(found[0].child_by_field_name("left"))
    if not _STATUS.match(var):  # `irq = platform_get_irq(); if (irq < 0) goto err;`
        var = _status_local(plan, acq, found[1])
    return (var, found[1]) if var else None


def _status_local(plan, acq, check: Node) -> str | None:
    """The status local to carry an added call's error to ``check``'s exit: the one
    the label it jumps to returns, or, for a plain return, the function's own."""
    src, fi = plan.model.src, plan.model.info[acq.function]
    leave = last_statement(check.child_by_field_name("consequence"))
    names = [n for n in fi.locals if _STATUS.match(n)]
    if leave.type == "goto_statement":
        label = src.text(leave.named_children[0])
        returns = [r for lab in descendants(fi.node, "labeled_statement")
                   if src.text(lab.child_by_field_name("label")) == label
                   for r in descendants(fi.node, "return_statement") if r.start_byte > lab.start_byte]
        value = src.compact(returns[0]).removeprefix("return").strip("; ") if returns else ""
        return value if value in names else None
    return names[0] if len(names) == 1 else None


def _checked(src, stmt: Node | None) -> tuple[Node, Node] | None:
    """(assignment, check) for `x = <value>;` followed by `if (x) <leave>`."""
    if stmt is None or stmt.type != "expression_statement" or not stmt.named_children:
        return None
    asg = stmt.named_children[0]
    if asg.type != "assignment_expression" or src.text(asg.child_by_field_name("operator")) != "=":
        return None
    var = src.compact(asg.child_by_field_name("left"))
    check = next_statement(stmt)
    if check is None or check.type != "if_statement" or check.child_by_field_name("alternative") or \
            src.compact(check.child_by_field_name("condition")) not in (
                f"({var})", f"({var}<0)", f"({var}!=0)", f"(unlikely({var}))") or not _fails(check):
        return None
    return asg, check


def _setup_only(src, stmt: Node, passable: set) -> bool:
    """A statement that acquires nothing to undo by hand: set-up, logging, or a call in
    ``passable``."""
    calls = list(descendants(stmt, "call_expression"))
    return stmt.type == "expression_statement" and all(
        key(c) in passable or _SETUP.match(src.text(c.child_by_field_name("function"))) for c in calls)


def _passes_status(src, var: str, check: Node) -> bool:
    """The check leaves with the status itself: no other error code overrides it."""
    body = check.child_by_field_name("consequence")
    return not any(src.compact(a.child_by_field_name("left")) == var
                   for a in descendants(body, "assignment_expression")) and \
        all(src.compact(r).removeprefix("return").strip("; ") == var
            for r in descendants(body, "return_statement"))


def _fails(check: Node) -> bool:
    """The `if`'s body leaves: its last statement is a return or a goto."""
    last = last_statement(check.child_by_field_name("consequence"))
    return last is not None and last.type in ("return_statement", "goto_statement")


def _assigned_here(ident: Node) -> bool:
    p = ident.parent
    return p is not None and p.type == "assignment_expression" and \
        p.child_by_field_name("left") == ident


def _managed_already(plan):
    """`devm_ioremap_resource(dev, res)` on a resource looked up only for it."""
    model, src = plan.model, plan.model.src
    for fi, call, name in model.probe_calls:
        args = call.child_by_field_name("arguments").named_children
        if name != "devm_ioremap_resource" or len(args) != 2 or args[1].type != "identifier" or \
                not model.is_device(fi, args[0]):
            continue
        c = Collapse(call, name, "", [], sources=[name])
        if _from_platform(plan, fi, call, src.text(args[1]), c):
            yield c


def _from_platform(plan, fi, call: Node, res: str, c: Collapse) -> bool:
    """Fold `res = platform_get_resource(pdev, IORESOURCE_MEM, n);` (and its NULL
    check) into the call when nothing else reads res."""
    model, src = plan.model, plan.model.src
    if model.driver.bus.name != "platform":
        return False
    stores = [a for a in descendants(fi.node.child_by_field_name("body"), "assignment_expression")
              if src.compact(a.child_by_field_name("left")) == res]
    if len(stores) != 1 or stores[0].parent.type != "expression_statement":
        return False
    lookup = stores[0].child_by_field_name("right")
    if lookup.type != "call_expression" or src.text(lookup.child_by_field_name("function")) not in _LOOKUP:
        return False
    largs = lookup.child_by_field_name("arguments").named_children
    if len(largs) != 3 or src.compact(largs[1]) != "IORESOURCE_MEM" or \
            model.canonical(fi, src.compact(largs[0])) != "@dev":
        return False
    stmt = stores[0].parent
    dead = [stmt, *c.dead]
    check = _null_check(src, stmt, res)
    if check is not None:
        dead.append(check)
    gone = dead + [call] + [s for r in plan.removed if r.function == fi.name for s in r.stmts]
    if any(not _within_any(u, gone) for u in _uses(src, fi.node, res) if not _declares(u)):
        return False
    c.name = _LOOKUP[src.text(lookup.child_by_field_name("function"))]
    c.sources = [src.text(lookup.child_by_field_name("function")), *c.sources]
    c.args = f"{src.text(largs[0])}, {src.text(largs[2])}"
    c.dead = dead
    return True


def _declares(ident: Node) -> bool:
    p = ident.parent
    while p is not None and p.type in ("pointer_declarator", "init_declarator"):
        p = p.parent
    return p is not None and p.type == "declaration"
