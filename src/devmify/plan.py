"""The decision per driver: which acquisitions convert, which are refused and why."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import catalogue
from .cfg import key
from .drivers import Driver
from .resources import DELETABLE, Acquisition, DriverModel, Release
from .rules import RULES, Facts
from .source import SourceFile


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

    def refuse_all(self, rule: str, message: str) -> None:
        """Turn every planned conversion into a refusal (a rewrite that cannot be done
        cleanly is not done at all)."""
        for a in self.conversions:
            self.refusals.append(Refusal(a.function, a.line, a.api.name, a.target, rule, message,
                                         a.call.start_point[1] + 1))
        self.conversions, self.removed = [], []
        self.refusals.sort(key=lambda r: r.line)


def plan_driver(src: SourceFile, driver: Driver) -> DriverPlan:
    model = DriverModel(src, driver)
    plan = DriverPlan(driver, model)
    releases = model.releases(catalogue.release_names())
    for acq in model.acquisitions():
        facts = _facts(src, model, acq, releases)
        verdict = next(((r, msg) for r in RULES if (msg := r.check(facts))), None)
        if verdict is None:
            plan.conversions.append(acq)
            plan.removed.extend(r for r in facts.releases if r.context in DELETABLE)
        else:
            rule, msg = verdict
            plan.refusals.append(Refusal(acq.function, acq.line, acq.api.name, acq.target,
                                         rule.CODE, msg, acq.call.start_point[1] + 1))
    plan.removed.sort(key=lambda r: r.call.start_byte)
    return plan


def _facts(src, model, acq, releases) -> Facts:
    if not acq.path:
        return Facts(src, model, acq, [], [], [])
    matched = [r for r in releases if r.path == acq.path and r.name in acq.api.releases]
    suspects = [
        r for r in releases
        if r not in matched and acq.type_path and r.type_path == acq.type_path
        and r.name in acq.api.releases
    ]
    own = key(acq.stmt)
    assignments = [
        (fi, asg) for fi, asg in model.assignments(acq.path, acq.type_path)
        if key(asg.parent) != own and key(asg) != own
        and not any(key(asg.parent) == key(s) for r in matched for s in r.stmts)
        # `priv->port = port` stores the object itself: not a second object
        and model.canonical(fi, src.compact(asg.child_by_field_name("right"))) != acq.path
    ]
    return Facts(src, model, acq, matched, suspects, assignments)
