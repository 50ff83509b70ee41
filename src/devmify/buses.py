"""The driver buses devmify knows, loaded from ``data/buses.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Bus:
    name: str
    driver_struct: str
    device_type: str
    probe_fields: tuple[str, ...]
    remove_fields: tuple[str, ...]
    remove_optional: bool
    drvdata_get: tuple[str, ...]
    drvdata_set: tuple[str, ...]

    def device_expr(self, param: str) -> str:
        """The bound struct device, given the name of probe's device parameter."""
        return param if self.device_type == "device" else f"&{param}->dev"


# Generic accessors valid on every bus; their first argument is the struct device.
GENERIC_DRVDATA_GET = ("dev_get_drvdata",)
GENERIC_DRVDATA_SET = ("dev_set_drvdata",)


@lru_cache(maxsize=1)
def buses() -> dict[str, Bus]:
    """driver struct name -> Bus."""
    data = tomllib.loads(resources.files("devmify").joinpath("data/buses.toml").read_text())
    out = {}
    for name, row in data["bus"].items():
        out[row["driver_struct"]] = Bus(
            name=name, driver_struct=row["driver_struct"], device_type=row["device_type"],
            probe_fields=tuple(row["probe"]), remove_fields=tuple(row["remove"]),
            remove_optional=row["remove_optional"],
            drvdata_get=tuple(row["drvdata_get"]), drvdata_set=tuple(row["drvdata_set"]),
        )
    return out
