"""The unmanaged -> managed API catalogue, loaded from ``data/apis.toml``.

Knows API names, how their arguments map and what they call back; knows no C syntax.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# How the managed form gets its struct device (see data/apis.toml).
INSERT, KEEP, BUS, OF_NODE = "insert", "keep", "bus", "of_node"


@dataclass(frozen=True)
class Api:
    name: str
    managed: str
    cls: str
    active: bool
    device_arg: int
    releases: tuple[str, ...]
    what: str
    why: str
    example: str
    instead: str
    returns: str = "pointer"          # or "status": the resource is an argument
    resource_arg: int = 0
    device: str = INSERT
    callbacks: tuple[int, ...] = ()
    cookie_arg: int | None = None
    requires: tuple[str, ...] = ()
    via: str | None = None
    merge: tuple[tuple[str, str], ...] = ()   # (partner acquisition, merged call)
    action: str | None = None                 # the release a devm action takes over
    activated_by: str | None = None           # the call from which it calls back
    ends_callbacks: tuple[str, ...] = ()      # releases that end its callbacks (default all)
    switches: tuple[str, ...] = ()            # other calls that switch the same object
    merged_returns: str = "pointer"           # "status": the merged call gives no handle
    void: bool = False                        # returns nothing; the managed form a status
    device_args: tuple[int, ...] = ()         # other arguments that must be the bound device
    null_args: tuple[int, ...] = ()           # arguments that must be NULL to convert
    kept_args: int | None = None              # the managed form keeps only the first N
    container: bool = False                   # the object is a field of driver memory
    release_optional: bool = False            # drivers need not release it: unreleased, no news
    early_release_ok: tuple[str, ...] = ()    # releases its managed form allows by hand
    null_on_failure: bool = False             # a status entry returning NULL on failure
    also_released_by: tuple[str, ...] = ()    # calls that end it too (for the path checker)
    tested_by: str | None = None              # a call that says whether it took effect
    header: str | None = None                 # where the managed form is declared, when the
                                              # unmanaged one's header may not bring it

    @property
    def status(self) -> bool:
        return self.returns == "status"

    def explain(self) -> str:
        managed = f"{self.managed} (via {self.via})" if self.via else self.managed
        if self.merge:
            managed = " / ".join(f"{m} (with {p})" for p, m in self.merge)
        return (
            f"{self.name} -> {managed}  [{self.cls}{', active' if self.active else ''}]\n\n"
            f"What it does\n    {self.what}\n\n"
            f"Why it matters\n    {self.why}\n\n"
            f"Example\n    {self.example}\n\n"
            f"Instead\n    {self.instead}\n\n"
            f"Releases made redundant: {', '.join(self.releases)}\n"
        )


def _load() -> dict:
    return tomllib.loads(resources.files("devmify").joinpath("data/apis.toml").read_text())


@lru_cache(maxsize=1)
def apis() -> dict[str, Api]:
    """Unmanaged acquisition name -> Api."""
    out = {}
    for row in _load()["api"]:
        out[row["name"]] = Api(
            name=row["name"], managed=row["managed"], cls=row["class"],
            active=row["active"], device_arg=row["device_arg"],
            releases=tuple(row["releases"]), what=row["what"], why=row["why"],
            example=row["example"], instead=row["instead"],
            returns=row.get("returns", "pointer"), resource_arg=row.get("resource_arg", 0),
            device=row.get("device", INSERT), callbacks=tuple(row.get("callbacks", ())),
            cookie_arg=row.get("cookie_arg"), requires=tuple(row.get("requires", ())),
            via=row.get("via"), merge=tuple(row.get("merge", {}).items()), action=row.get("action"),
            activated_by=row.get("activated_by"), ends_callbacks=tuple(row.get("ends_callbacks", ())),
            switches=tuple(row.get("switches", ())), merged_returns=row.get("merged_returns", "pointer"),
            void=row.get("void", False), device_args=tuple(row.get("device_args", ())),
            null_args=tuple(row.get("null_args", ())), container=row.get("container", False),
            kept_args=row.get("kept_args"), release_optional=row.get("release_optional", False),
            header=row.get("header"), early_release_ok=tuple(row.get("early_release_ok", ())),
            null_on_failure=row.get("null_on_failure", False),
            also_released_by=tuple(row.get("also_released_by", ())), tested_by=row.get("tested_by"),
        )
    return out


@lru_cache(maxsize=1)
def release_args() -> dict[str, int]:
    """Release call name -> the argument that names the resource, for every release."""
    explicit = _load()["release_arg"]
    return {r: explicit.get(r, 0) for api in apis().values() for r in api.releases}


def lookup(name: str) -> Api | None:
    """An Api by its unmanaged or its managed name."""
    table = apis()
    if name in table:
        return table[name]
    return next((a for a in table.values() if a.managed == name and not a.via), None)
