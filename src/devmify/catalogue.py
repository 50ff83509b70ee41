"""The unmanaged -> managed API catalogue, loaded from ``data/apis.toml``.

Knows API names and how their arguments map; knows no C syntax.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


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

    def explain(self) -> str:
        return (
            f"{self.name} -> {self.managed}  [{self.cls}{', active' if self.active else ''}]\n\n"
            f"What it does\n    {self.what}\n\n"
            f"Why it matters\n    {self.why}\n\n"
            f"Example\n    {self.example}\n\n"
            f"Instead\n    {self.instead}\n\n"
            f"Releases made redundant: {', '.join(self.releases)}\n"
        )


@lru_cache(maxsize=1)
def apis() -> dict[str, Api]:
    """Unmanaged acquisition name -> Api."""
    data = tomllib.loads(resources.files("devmify").joinpath("data/apis.toml").read_text())
    out = {}
    for row in data["api"]:
        out[row["name"]] = Api(
            name=row["name"], managed=row["managed"], cls=row["class"],
            active=row["active"], device_arg=row["device_arg"],
            releases=tuple(row["releases"]), what=row["what"], why=row["why"],
            example=row["example"], instead=row["instead"],
        )
    return out


@lru_cache(maxsize=1)
def release_names() -> frozenset[str]:
    return frozenset(r for api in apis().values() for r in api.releases)


def lookup(name: str) -> Api | None:
    """An Api by its unmanaged or its managed name."""
    table = apis()
    if name in table:
        return table[name]
    return next((a for a in table.values() if a.managed == name), None)
