"""Facts about kernel APIs beyond the conversion catalogue: which unmanaged calls have a
managed form in 6.1 (``data/devres_6_1.toml``), which have none
(``data/unmanaged_only.toml``), and which calls take ownership of the object passed to
them (``data/ownership.toml``)."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

MANAGED_PREFIXES = ("devm_", "dmam_", "pcim_")

# `mutex_lock`, `spin_lock_irqsave`, `mc13xxx_lock`, ... and their unlock twins.
_LOCK = re.compile(r"^(?P<family>\w*?_?)(?P<un>un)?lock(_irq|_irqsave|_irqrestore|_bh|_nested|_interruptible|_killable)?$")


# Calls that only fetch pointers or look something up: dropping one, or running one
# while a callback is live, changes nothing.
_PURE = re.compile(
    r"^(\w+_get_drvdata|\w+_get_clientdata|\w+_get_intfdata|dev_get_drvdata|to_\w+|"
    r"container_of|dev_get_platdata|\w+_priv|netdev_priv|iio_priv|spi_master_get_devdata|"
    r"spi_controller_get_devdata|i2c_get_adapdata|dev_name|platform_get_resource(_byname)?|"
    r"resource_size|dev_of_node|platform_get_irq(_byname)?(_optional)?|"
    r"pci_resource_(start|end|len|flags))$"
)


def pure_call(name: str) -> bool:
    return _PURE.match(name) is not None


def _load(name: str) -> dict:
    return tomllib.loads(resources.files("devmify").joinpath(f"data/{name}").read_text())


@lru_cache(maxsize=1)
def managed_form() -> dict[str, str]:
    """Unmanaged acquisition -> its devres form, for every pair in the 6.1 table."""
    return _load("devres_6_1.toml")["managed_form"]


@lru_cache(maxsize=1)
def no_managed_form() -> dict[str, str]:
    """Acquisition -> its release, for acquisitions that have no devres form in 6.1."""
    return _load("unmanaged_only.toml")["no_managed_form"]


@lru_cache(maxsize=1)
def takes_ownership() -> frozenset[str]:
    return frozenset(_load("ownership.toml")["take_ownership"])


def has_managed_form(name: str) -> bool:
    return name.startswith(MANAGED_PREFIXES) or name in managed_form()


def lock_call(name: str) -> tuple[str, bool] | None:
    """(lock family, is_unlock) for a lock/unlock call name, else None."""
    m = _LOCK.match(name)
    if m is None:
        return None
    return m.group("family"), m.group("un") is not None
