"""Safety rules, one module each.

Every rule module defines ``CODE``, ``NAME``, ``SUMMARY``, a docstring in the form
*What it does / Why it matters / Example / Instead*, and ``check(facts) -> str | None``
which returns the one-sentence refusal message, or None when the rule has nothing to say.
``RULES`` is the order in which they are asked; the first refusal wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from ..resources import Acquisition, DriverModel, Release
from ..source import SourceFile


@dataclass
class Facts:
    """What the rules see about one acquisition."""
    src: SourceFile
    model: DriverModel
    acq: Acquisition
    releases: list[Release]       # releases whose access path is the acquisition's
    suspects: list[Release]       # releases elsewhere of a local of the same struct type
    assignments: list[object]     # other assignments to the same access path
    classes: frozenset[str]       # the resource classes the configuration converts


from . import (  # noqa: E402  (the rules need Facts defined first)
    class_off, parse_error, shape, shared_helper, wrong_device, transient, static_alias,
    instances, conditional_release, unproven_release, reassigned, ownership,
    lifetime, private_helper, policy, rewrite_check, no_managed_form, page_buffer,
    pending_work, order, together, outside_probe, unseen_type,
)

# Most specific first: the reason a maintainer learns most from is the one reported;
# but a class the configuration switches off is the reason whatever else holds.
RULES: list[ModuleType] = [
    class_off, parse_error, shape, shared_helper, instances, transient, lifetime, static_alias,
    reassigned, conditional_release, unproven_release, ownership, private_helper,
    pending_work, page_buffer, wrong_device, unseen_type,
]

# Rules about the driver's conversions taken together, asked until none objects; their
# ``check(plan)`` returns (acquisition, message) or None.
PLAN_RULES: list[ModuleType] = [together, order]

# Codes the engine raises itself, after the per-acquisition rules have run.
ENGINE_RULES: list[ModuleType] = [policy, rewrite_check, no_managed_form, outside_probe]
ALL_RULES = RULES + PLAN_RULES + ENGINE_RULES


def by_code(code: str) -> ModuleType | None:
    return next((r for r in ALL_RULES if r.CODE == code.upper() or r.NAME == code), None)


def explain(rule: ModuleType) -> str:
    return f"{rule.CODE} {rule.NAME}: {rule.SUMMARY}\n\n{rule.__doc__.strip()}\n"
