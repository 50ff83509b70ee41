"""The decision per driver: which acquisitions convert, which are refused and why."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import catalogue, collapse, findings
from .cfg import key
from .config import Settings
from .known_apis import managed_form
from .drivers import Driver
from .resources import DELETABLE, Acquisition, DriverModel, Release
from .rules import PLAN_RULES, RULES, Facts, no_managed_form, order, outside_probe, policy, transient
from .source import SourceFile, strip_casts


@dataclass
class Refusal:
    function: str
    line: int
    api: str
    target: str
    rule: str
    message: str
    column: int = 1


@dataclass
class DriverPlan:
    driver: Driver
    model: DriverModel
    conversions: list[Acquisition] = field(default_factory=list)
    removed: list[Release] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    released: dict = field(default_factory=dict)   # key(acquisition call) -> its deleted releases
    notes: dict = field(default_factory=dict)      # key(acquisition call) -> notes for reviewers
    collapses: list = field(default_factory=list)  # converted calls merged into one
    findings: list = field(default_factory=list)   # bugs in the driver as it is (findings.py)

    def collapse_of(self, acq: Acquisition):
        """The merge that takes the acquisition in (as the call that stays or one it
        absorbs), or None."""
        return next((c for c in self.collapses if key(c.call) == key(acq.call)
                     or any(key(a.call) == key(acq.call) for a in c.absorbed)), None)

    def managed_name(self, acq: Acquisition) -> str:
        """What the acquisition becomes: its managed form, the call a merge folds it
        into, or its own name when another conversion makes it managed."""
        merge = self.collapse_of(acq)
        if merge is not None:
            return merge.name
        if self.as_action(acq):
            return "devm_add_action_or_reset"
        return acq.api.name if acq.api.via else acq.api.managed

    def as_action(self, acq: Acquisition) -> bool:
        """The acquisition stays and its release moves into a devm action (it has one
        and no merge takes it)."""
        return bool(acq.api.action) and self.collapse_of(acq) is None

    def refuse(self, acq: Acquisition, rule: str, message: str) -> None:
        """Take one planned conversion back, with the releases it would have deleted."""
        self.conversions.remove(acq)
        gone = {id(r) for r in self.released.pop(key(acq.call), [])}
        self.removed = [r for r in self.removed if id(r) not in gone]
        self.refusals.append(Refusal(acq.function, acq.line, acq.api.name, acq.target, rule, message,
                                     acq.call.start_point[1] + 1))

    def refuse_all(self, rule: str, message: str) -> None:
        """Turn every planned conversion into a refusal (a rewrite that cannot be done
        cleanly is not done at all)."""
        for a in self.conversions:
            self.refusals.append(Refusal(a.function, a.line, a.api.name, a.target, rule, message,
                                         a.call.start_point[1] + 1))
        self.conversions, self.removed = [], []
        self.refusals.sort(key=lambda r: r.line)


def plan_driver(src: SourceFile, driver: Driver, settings: Settings = Settings(),
                others: frozenset[str] = frozenset()) -> DriverPlan:
    """``settings``: the policy and the resource classes converted (``kinds`` is for the
    report: every finding is kept here, the verified-output check compares them all).
    ``others``: probe and remove functions of the file's other drivers, whose own
    releases of a same-typed local free their own instances, not this driver's."""
    model = DriverModel(src, driver)
    releases = model.driver_releases()
    plan = DriverPlan(driver, model, findings=findings.find(model, releases))
    for acq in model.acquisitions:
        facts = _facts(src, model, acq, releases, others, settings.classes)
        if acq.api.release_optional and not facts.releases and not facts.suspects:
            continue  # nothing releases it: nothing to convert, nothing to report
        verdict = next(((r, msg) for r in RULES if (msg := r.check(facts))), None)
        if verdict is None:
            plan.conversions.append(acq)
            plan.released[key(acq.call)] = [r for r in facts.releases if r.context in DELETABLE]
            plan.removed.extend(plan.released[key(acq.call)])
        else:
            rule, msg = verdict
            plan.refusals.append(Refusal(acq.function, acq.line, acq.api.name, acq.target,
                                         rule.CODE, msg, acq.call.start_point[1] + 1))
    _settle(plan)
    plan.removed.sort(key=lambda r: r.call.start_byte)
    for function, call, name in no_managed_form.unmanaged_only(model):
        target = _lvalue_of(src, call)
        plan.refusals.append(Refusal(function, src.line_of(call.start_byte), name, target,
                                     no_managed_form.CODE, no_managed_form.message(name),
                                     call.start_point[1] + 1))
    if not others:  # with several drivers in the file, whose callback is it?
        for function, call, name in outside_probe.callbacks(model):
            plan.refusals.append(Refusal(function, src.line_of(call.start_byte), name,
                                         model.target_of(call, catalogue.apis()[name]), outside_probe.CODE,
                                         outside_probe.message(function, name), call.start_point[1] + 1))
    plan.refusals.sort(key=lambda r: r.line)
    if settings.policy == "all-or-nothing" and plan.conversions:
        blocker = unmanaged_left(plan)
        if blocker:
            plan.refuse_all(policy.CODE, f"policy all-or-nothing: {blocker}")
            return plan  # the driver is left exactly as it is
    plan.collapses = collapse.find(plan, settings.classes)
    for acq in plan.conversions:
        notes = order.notes(plan, acq)
        if notes:
            plan.notes[key(acq.call)] = notes
    return plan


def _settle(plan: DriverPlan) -> None:
    """Take back conversions that are wrong together (DV020) or in the wrong order
    (DV019), one at a time: each refusal keeps releases that may refuse another."""
    while True:
        found = next(((rule, hit) for rule in PLAN_RULES if (hit := rule.check(plan))), None)
        if found is None:
            break
        rule, (acq, msg) = found
        plan.refuse(acq, rule.CODE, msg)


def _calls(src: SourceFile, value, function: str) -> bool:
    """``value`` is (a cast of) a call to ``function``: `priv->buf = foo_alloc(...)`
    stores the object the helper allocated and returned."""
    value = strip_casts(value)
    return value.type == "call_expression" and \
        src.text(value.child_by_field_name("function")) == function


def _lvalue_of(src: SourceFile, call) -> str:
    parent = call.parent
    if parent is not None and parent.type == "assignment_expression":
        return src.compact(parent.child_by_field_name("left"))
    return ""


def unmanaged_left(plan: DriverPlan) -> str | None:
    """What would stay unmanaged in the driver after the planned conversions."""
    for r in plan.refusals:
        if r.rule not in (transient.CODE, outside_probe.CODE):  # not the binding's resources
            return f"{r.api}() for {r.target} at line {r.line} stays unmanaged ({r.rule})"
    model = plan.model
    for _, call, name in model.probe_calls:
        if name in managed_form() and name not in catalogue.apis():
            return (f"{name}() at line {model.src.line_of(call.start_byte)} stays unmanaged "
                    f"(its managed form {managed_form()[name]}() is not converted by devmify yet)")
    return None


def _facts(src, model, acq, releases, others, classes) -> Facts:
    if not acq.path:
        return Facts(src, model, acq, [], [], [], classes)
    # a driver pair's enable may undo its own partial work on failure: not this release
    matched = [r for r in releases if r.path == acq.path and r.name in acq.api.releases
               and r.function != acq.api.name]
    suspects = [
        r for r in releases
        if r not in matched and acq.type_path and r.type_path == acq.type_path
        and r.name in acq.api.releases and r.function not in others and r.function != acq.api.name
    ]
    if acq.api.status:  # the resource is an argument: nothing assigns it
        return Facts(src, model, acq, matched, suspects, [], classes)
    own = key(acq.stmt)
    assignments = [
        (fi, asg) for fi, asg in model.assignments(acq.path, acq.type_path)
        if key(asg.parent) != own and key(asg) != own
        and not any(key(asg.parent) == key(s) for r in matched for s in r.stmts)
        # `priv->port = port` stores the object itself: not a second object
        and model.canonical(fi, src.compact(asg.child_by_field_name("right"))) != acq.path
        and not _calls(src, asg.child_by_field_name("right"), acq.function)
    ]
    return Facts(src, model, acq, matched, suspects, assignments, classes)
