"""What it does
    Refuses an *active* resource (an IRQ, a registered input/IIO/hwmon/watchdog device)
    whose managed form would be released in the wrong order: when something its
    callbacks use is acquired with devres after it, or when teardown left by hand runs
    after the release devmify would delete.

Why it matters
    devres releases after remove() returns, last acquired first.  With request_irq() the
    handler is gone once remove() calls free_irq(); with devm_request_irq() it stays
    installed until devres runs, after remove() has finished.  Whatever remove() still
    does after the old free_irq() (disable a clock, free the private data, cancel work)
    now runs while the handler can fire, and whatever probe acquired with devres *after*
    the IRQ is released *before* it.  Both are the devm_request_irq() use-after-free that
    maintainers keep rejecting.  The same holds for a registered device's callbacks
    (sysfs, /dev nodes, input events) and for probe's error exits.  What a callback can
    use is taken conservatively: everything reachable from the cookie it is handed
    (`dev_id`), or everything when there is none.

Example
    ret = request_irq(irq, foo_isr, 0, "foo", priv);
    priv->regs = devm_ioremap(dev, start, len);     /* released before the IRQ */
    ...
    free_irq(priv->irq, priv);                      /* remove() */
    clk_disable_unprepare(priv->clk);               /* would run with the IRQ live */

Instead
    Acquire what the handler uses first, and make the teardown after free_irq() managed
    too (devm_clk_get_enabled(), devm_add_action_or_reset()) so that devres runs it
    after the IRQ is gone; or keep request_irq()/free_irq().
"""

from __future__ import annotations

from .. import catalogue, collapse
from ..cfg import key
from ..known_apis import pure_call
from ..resources import DRVDATA, REMOVE, reach
from ..source import ancestors, descendants, strip_casts

CODE = "DV019"
NAME = "order"
SUMMARY = "an active resource would be released after teardown its callbacks depend on"

_NO_COOKIE = ("NULL", "0", "(void*)0")
HARMLESS = frozenset({
    "dev_info", "dev_dbg", "dev_notice", "dev_warn", "dev_err", "pr_info",
    "pr_debug", "pr_notice", "pr_warn", "pr_err", "printk",
    "of_node_put",  # a reference on a device tree node, which callbacks do not free
})


def _overlaps(path: str, roots) -> bool:
    """``path`` reaches into one of ``roots`` or holds one (None: everything)."""
    if roots is None:
        return True
    path = reach(path)
    roots = {reach(r) for r in roots}
    return any(path == r or path.startswith((r + "->", r + ".")) or r.startswith((path + "->", path + "."))
               for r in roots)


def callback_roots(plan, acq):
    """What the resource's callbacks can reach: the cookie's access path (and the
    driver's data when the cookie is the device), or None for everything."""
    api = acq.api
    if api.cookie_arg is None:
        return None
    args = acq.call.child_by_field_name("arguments").named_children
    if api.cookie_arg >= len(args):
        return None
    model = plan.model
    text = model.src.compact(strip_casts(args[api.cookie_arg]))
    if text in _NO_COOKIE or text in model.fns or _uses_globals(model, acq, args):
        return None  # no data pointer (NULL, a function): the handler reaches globals
    path = model.canonical(model.info[acq.function], text)
    if "@" not in path and ":" not in path:
        return None  # a file-scope object: everything it leads to
    if path == "@dev" or path.startswith("@dev->"):
        return {"@dev", DRVDATA}
    return {path}


def _uses_globals(model, acq, args) -> bool:
    """A handler that reads file-scope variables reaches state no cookie bounds."""
    for i in acq.api.callbacks:
        name = model.src.text(args[i]) if i < len(args) else ""
        fn = model.fns.get(name)
        if fn is not None and any(model.src.text(n) in model.globals and model.src.text(n) not in model.fns
                                  for n in descendants(fn.child_by_field_name("body"), "identifier")):
            return True
    return False


def _live(node, dead) -> bool:
    return not any(key(a) in dead for a in [node, *ancestors(node)])


def _harmless(model, stmt, irq: bool, dead) -> bool:
    """A statement that only logs or looks something up, calls a helper of the driver
    left empty by the conversion, or for an IRQ frees another IRQ line: nothing a
    callback uses is torn down.  (A registered device's callbacks may still enable or
    disable an IRQ the driver frees.)"""
    calls = list(descendants(stmt, "call_expression"))
    names = [model.src.text(c.child_by_field_name("function")) for c in calls]
    return bool(calls) and stmt.type == "expression_statement" and all(
        n in HARMLESS or pure_call(n) or irq and n == "free_irq" or _emptied(model, n, dead) for n in names)


def _emptied(model, name: str, dead) -> bool:
    """A driver function whose every statement goes with the conversion (a shutdown
    helper that only released what devres now releases)."""
    fn = model.fns.get(name)
    if fn is None:
        return False
    body = [c for c in fn.child_by_field_name("body").named_children if c.type != "comment"]
    return bool(body) and all(key(c) in dead or c.type == "return_statement" and len(c.named_children) == 0
                              for c in body)


def _touches(model, fi, stmt, roots, dead, irq: bool) -> bool:
    if _harmless(model, stmt, irq, dead):
        return False
    for n in descendants(stmt, "identifier", "call_expression", "field_expression"):
        if not _live(n, dead):
            continue
        if roots is None:
            if n.type == "call_expression":
                return True
            continue
        if _overlaps(model.canonical(fi, model.src.compact(n)), roots):
            return True
    return False


def _after_release(model, fi, stmt, depth=2):
    """(function, statement) for everything that runs after ``stmt`` until the
    function returns, and after the calls of a helper it sits in."""
    for s in fi.flow.runs_after(stmt):
        yield fi, s
    if fi.role.endswith("helper") and depth:
        for caller, call in fi.callers:
            if caller is not None and caller.flow is not None and call.parent.type == "expression_statement":
                yield from _after_release(model, caller, call.parent, depth - 1)


def _activation(model, acq):
    """Where the resource starts calling back: the registration of an allocated input
    device, else the acquisition itself."""
    if acq.api.activated_by:
        for fi, call, name in model.probe_calls:
            args = call.child_by_field_name("arguments").named_children
            if name == acq.api.activated_by and args and \
                    model.canonical(fi, model.src.compact(args[0])) == acq.path:
                return model.probe_order(fi, call)
    return acq.order


def _managed_later(plan, acq, start):
    """(line, name, path) of devres acquisitions in probe that run after ``start``:
    planned conversions and calls that were managed already.  Another IRQ is not
    counted: devres freeing a later IRQ line first takes nothing from this one's
    callbacks, and a handler that feeds a registered device should go first.  Nor is
    a conversion that remove() released before this one anyway: devres keeps that order."""
    model = plan.model
    for a in plan.conversions:
        if a.order > start and a.api.cls != "irq" and not _released_before(plan, a, acq):
            yield a.line, a.api.managed, a.path
    for fi, call, name, path in model.managed_calls():
        api = catalogue.lookup(name)
        if model.probe_order(fi, call) > start and (api is None or api.cls != "irq"):
            yield model.src.line_of(call.start_byte), name, path


def _released_before(plan, later, acq) -> bool:
    """Each release of ``acq`` in remove() came after one of ``later``'s in the same
    function: by hand too, ``later`` went first."""
    mine = [r for r in plan.released.get(key(acq.call), []) if r.context == REMOVE]
    theirs = [r for r in plan.released.get(key(later.call), []) if r.context == REMOVE]
    return bool(mine) and all(any(t.function == m.function and t.call.start_byte < m.call.start_byte
                                  for t in theirs) for m in mine)


def _quote(text: str, limit: int = 60) -> str:
    """One line of C for a message: whitespace collapsed, cut at a space."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " ..."


def hazard(plan, acq, dead) -> str | None:
    model = plan.model
    roots = callback_roots(plan, acq)
    what = "its handler" if acq.api.callbacks else "its callbacks"
    start = _activation(model, acq)
    for line, name, path in _managed_later(plan, acq, start):
        if path and _overlaps(path, roots) or not path and roots is None:
            return (f"{name}() at line {line} runs after it and was not released before it by "
                    f"hand, so devres would release that first while {what} can still run")
    for rel in plan.released[key(acq.call)]:
        if acq.api.ends_callbacks and rel.name not in acq.api.ends_callbacks:
            continue  # input_free_device() of a device never registered
        fi = model.info[rel.function]
        for owner, s in _after_release(model, fi, rel.stmts[-1]):
            if _live(s, dead) and _touches(model, owner, s, roots, dead, acq.api.cls == "irq"):
                return (f"{owner.name}() still runs '{_quote(model.src.text(s))}' at line "
                        f"{model.src.line_of(s.start_byte)} after {rel.name}(), and with devres "
                        f"{what} would still be live then")
    return None


def check(plan):
    """(acquisition, message) for the last-acquired active conversion in the wrong order
    (deciding later acquisitions first, an earlier one is judged against them as they
    will stay)."""
    dead = {key(s) for r in plan.removed for s in r.stmts}
    for acq in sorted(plan.conversions, key=lambda a: a.order, reverse=True):
        msg = hazard(plan, acq, dead) if acq.api.active else \
            power_down_order(plan, acq, dead) if acq.api.switches else None
        if msg:
            return acq, msg
    return None


# Calls that switch a supply, clock, reset or PHY off: the power-down sequence.
POWER_OFF = frozenset({
    "regulator_disable", "regulator_bulk_disable", "regulator_force_disable",
    "clk_disable", "clk_unprepare", "clk_disable_unprepare", "clk_bulk_disable_unprepare",
    "clk_bulk_disable", "clk_bulk_unprepare", "reset_control_assert", "phy_power_off", "phy_exit",
})


def power_down_order(plan, acq, dead) -> str | None:
    """For a clock or supply switched on in probe: teardown left by hand that switches
    something else off after its old disable would now run first (devres disables
    after remove()), reversing the power-down sequence the driver wrote."""
    model = plan.model
    for rel in plan.released[key(acq.call)]:
        fi = model.info[rel.function]
        for owner, s in _after_release(model, fi, rel.stmts[-1]):
            if _live(s, dead):
                name = _powers_off(model, s, dead, depth=2)
                if name:
                    return (f"{owner.name}() still switches power off ({name}() in "
                            f"'{_quote(model.src.text(s))}' at line {model.src.line_of(s.start_byte)}) "
                            f"after {rel.name}(); devres would disable {acq.target} only after that, "
                            f"reversing the power-down order")
    return None


def _powers_off(model, node, dead, depth: int) -> str | None:
    """The power-off call ``node`` makes, directly or through the driver's own helpers."""
    for call in descendants(node, "call_expression"):
        if not _live(call, dead):
            continue
        name = model.src.text(call.child_by_field_name("function"))
        if name in POWER_OFF:
            return name
        fn = model.fns.get(name)
        if fn is not None and depth:
            inner = _powers_off(model, fn.child_by_field_name("body"), dead, depth - 1)
            if inner:
                return inner
    return None


def notes(plan, acq) -> list[str]:
    """What a reviewer should know about a conversion this rule let through."""
    if acq.api.via:
        return [f"the call keeps its name: {acq.api.managed}() makes it managed"]
    if plan.as_action(acq):
        notes = [f"{acq.api.name}() has no managed form: {acq.api.action}() moves into a devm action "
                 f"registered right after it"]
        merge = collapse.enable_merge(plan, acq) if acq.api.merge else None
        if isinstance(merge, str):
            notes.append(f"not merged into {' or '.join(m + '()' for _, m in acq.api.merge)}: {merge}")
        return notes
    if acq.api.void:
        _, check = collapse.next_check(plan, acq)
        return [f"{acq.api.managed}() can fail where {acq.api.name}() could not: the check "
                f"added after it leaves as the check at line {plan.model.src.line_of(check.start_byte)} does"]
    if acq.api.cls == "irq" and "IRQF_SHARED" in _flags(plan.model, acq):
        return ["IRQF_SHARED: the handler can run until devres frees the IRQ after remove() "
                "(CONFIG_DEBUG_SHIRQ calls it once more then); it must cope with a stopped device"]
    return []


def _flags(model, acq) -> set[str]:
    """The identifiers in the IRQ's flags argument (the one after the handlers), and in
    what a local flags variable is assigned in the same function."""
    args = acq.call.child_by_field_name("arguments").named_children
    i = max(acq.api.callbacks) + 1
    if i >= len(args):
        return set()
    names = {model.src.text(n) for n in descendants(args[i], "identifier")}
    for lhs, value in model.simple_assignments(model.info[acq.function]):
        if lhs in names:
            names |= {model.src.text(n) for n in descendants(value, "identifier")}
    return names
