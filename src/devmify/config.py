"""Configuration: what a `.devmify.toml` or a `[tool.devmify]` table of `pyproject.toml`
holds, how the file is found, and the settings each file is analysed with.

The file is found as ruff and black find theirs: from the common directory of the paths
given (or the current directory), up to the first directory holding `.devmify.toml` or a
`pyproject.toml` with a `[tool.devmify]` table (`.devmify.toml` wins in one directory).
Its keys: `policy`, `apis` (the resource classes converted), `rules` (the finding kinds
reported), `exclude` (path globs never read) and `[paths."GLOB"]` tables setting
`policy`, `apis` or `rules` for the files they match.  Globs are relative to the file's
directory and matched against a file's real path.

Precedence, lowest first: the built-in defaults, the file's top level, the `[paths]`
tables that match (in file order, each overriding the keys it sets), the command line.
The safety rules (DV001...) are not configurable: a class left out of `apis` is refused
with DV023, never skipped, so the ordering rules still see what stays unmanaged.
"""

from __future__ import annotations

import fnmatch
import json
import os
import tomllib
from dataclasses import dataclass, fields, replace

from . import catalogue, driver_pairs, findings
from .inputs import ReadFailed, directory_of, read
from .rules import by_code
from .rules.policy import POLICIES

OWN_FILE = ".devmify.toml"
PYPROJECT = "pyproject.toml"
# every class devmify converts: the catalogue's, and a driver's own enable/disable pairs
CLASSES = frozenset(a.cls for a in catalogue.apis().values()) | {driver_pairs.CLASS}
KINDS = frozenset(findings.KINDS)


class ConfigError(Exception):
    """A configuration devmify cannot use; printed as `devmify: FILE: what` (exit 2)."""


@dataclass(frozen=True)
class Settings:
    """What one file is analysed with."""
    policy: str = "prefix"
    classes: frozenset[str] = CLASSES  # key `apis`: the resource classes converted
    kinds: frozenset[str] = KINDS      # key `rules`: the finding kinds reported


@dataclass(frozen=True)
class Layer:
    """The settings one level of configuration sets (None: left to the level below)."""
    policy: str | None = None
    classes: frozenset[str] | None = None
    kinds: frozenset[str] | None = None

    def set(self) -> dict:
        """Field name -> value, for the keys this level sets."""
        return {f.name: v for f in fields(self) if (v := getattr(self, f.name)) is not None}

    def over(self, below: Settings) -> Settings:
        return replace(below, **self.set())


@dataclass(frozen=True)
class Pattern:
    """A path glob relative to a directory: `**` any number of directories, `*` and `?`
    within one name; a pattern matching a directory matches everything under it."""
    text: str
    base: str    # the real path of the directory it is relative to
    origin: str  # where it was written: the file, or --exclude

    def matches(self, real: str) -> bool:
        """``real``: a real path (no symlink, absolute); one outside the base never matches."""
        rel = os.path.relpath(real, self.base).split(os.sep)
        glob = [c for c in self.text.split("/") if c not in ("", os.curdir)]  # `./a/`: `a`
        return rel[0] != os.pardir and _match(glob, rel)


def _match(glob: list[str], parts: list[str]) -> bool:
    if not glob:
        return True  # a directory matched: everything under it too
    if glob[0] == "**":
        return any(_match(glob[1:], parts[i:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], glob[0]) and _match(glob[1:], parts[1:])


@dataclass(frozen=True)
class Config:
    """The configuration of a run: the file's, with the command line's over it."""
    file: str | None = None                        # the file read (None: built-in defaults)
    top: Layer = Layer()                           # its top level
    tables: tuple[tuple[Pattern, Layer], ...] = ()  # its [paths."GLOB"] tables, in order
    exclude: tuple[Pattern, ...] = ()
    flags: Layer = Layer()                         # the command line's, over every path

    def excluded(self, path: str) -> Pattern | None:
        """The pattern that excludes ``path``, or None."""
        real = os.path.realpath(path) if self.exclude else ""
        return next((p for p in self.exclude if p.matches(real)), None)

    def settings_for(self, path: str) -> Settings:
        settings = self.top.over(Settings())
        real = os.path.realpath(path) if self.tables else ""
        for pattern, layer in self.tables:
            if pattern.matches(real):
                settings = layer.over(settings)
        return self.flags.over(settings)

    def with_flags(self, flags: Layer, exclude: list[Pattern]) -> Config:
        return replace(self, flags=flags, exclude=self.exclude + tuple(exclude))

    def show(self) -> str:
        """The settings in effect as TOML, for `devmify --show-config`: which file, its top
        level with the command line over it, the exclude globs, the [paths] tables."""
        flagged = self.flags.set()
        everywhere = self.flags.over(self.top.over(Settings()))
        lines = [f"# configuration file: {self.file or 'none (built-in defaults)'}"]
        if flagged:
            lines.append(f"# from the command line, for every path: {', '.join(_KEYS[n] for n in flagged)}")
        lines += [_line(f.name, getattr(everywhere, f.name)) for f in fields(everywhere)]
        lines += ["exclude = ["] + [f"    {_toml(p.text)},  # {p.origin}, relative to {p.base}"
                                    for p in self.exclude] + ["]"]
        for pattern, layer in self.tables:
            lines += ["", f"[paths.{_toml(pattern.text)}]"]
            lines += [_line(name, value) + ("  # overridden by the command line" if name in flagged else "")
                      for name, value in layer.set().items()]
        return "\n".join(lines) + "\n"


def _line(name: str, value) -> str:
    return f"{_KEYS[name]} = {_toml(value)}"


def _toml(value) -> str:
    if isinstance(value, str):
        return json.dumps(value)
    return "[" + ", ".join(json.dumps(v) for v in sorted(value)) + "]"


# What each key may hold; a ValueError says why not.

def policy(value) -> str:
    if value not in POLICIES:
        raise ValueError(f"must be one of {', '.join(map(json.dumps, POLICIES))}, not {_shown(value)}")
    return value


def classes(value) -> frozenset[str]:
    for name in _strings(value):
        if name not in CLASSES:
            raise ValueError(f"unknown resource class {_shown(name)} (classes: {', '.join(sorted(CLASSES))})")
    return frozenset(value)


def kinds(value) -> frozenset[str]:
    for name in _strings(value):
        rule = by_code(name) if name not in KINDS else None
        if rule is not None:
            raise ValueError(
                f"{rule.CODE} ({rule.NAME}) is a safety rule, and safety rules cannot be "
                f"switched off: devmify would then write patches that can change what the driver "
                f"does; `rules` names finding kinds; to leave files alone, list them in `exclude`")
        if name not in KINDS:
            raise ValueError(f"unknown finding kind {_shown(name)} (kinds: {', '.join(sorted(KINDS))})")
    return frozenset(value)


def pattern_text(value) -> str:
    if not isinstance(value, str) or not value or value.startswith("/") or os.pardir in value.split("/"):
        raise ValueError(f"{_shown(value)} is not a glob relative to the directory (no leading /, no ..)")
    return value


def _strings(value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"must be a list of strings, not {_shown(value)}")
    return value


def _shown(value) -> str:
    return json.dumps(value) if isinstance(value, str) else type(value).__name__


def names(parse):
    """The command line's `A,B,...` for a list key: ``parse`` applied to its items."""
    return lambda text: parse([n for n in text.split(",") if n])


def cwd_pattern(text: str) -> Pattern:
    """`--exclude GLOB`: relative to the current directory."""
    return Pattern(pattern_text(text), os.path.realpath(os.getcwd()), "--exclude")


# Reading and finding the file.

# the keys a [paths] table may set: key -> (Layer field, check)
_LAYER_KEYS = {"policy": ("policy", policy), "apis": ("classes", classes), "rules": ("kinds", kinds)}
_KEYS = {name: key for key, (name, _) in _LAYER_KEYS.items()}  # Layer field -> key
_TOP_KEYS = {*_LAYER_KEYS, "exclude", "paths"}


def load(paths: list[str], given: str | None, ignore: bool) -> Config:
    """The configuration for a run over ``paths``: ``given`` (--config), none with
    ``ignore`` (--no-config), else the file found from the paths' common directory."""
    if ignore:
        return Config()
    if given is not None:
        return _parse(given, _table(given, _document(given), required=True))
    for directory in _upwards(_start(paths)):
        for name in (OWN_FILE, PYPROJECT):
            path = os.path.join(directory, name)
            if os.path.isfile(path):
                table = _table(path, _document(path), required=False)
                if table is not None:
                    return _parse(path, table)
    return Config()


def _start(paths: list[str]) -> str:
    dirs = [directory_of(p) for p in paths] or ["."]
    return os.path.commonpath([os.path.realpath(d) for d in dirs])


def _upwards(directory: str):
    while True:
        yield directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return
        directory = parent


def _document(path: str) -> dict:
    try:
        return tomllib.loads(read(path).decode("utf-8"))
    except ReadFailed as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


def _table(path: str, doc: dict, required: bool) -> dict | None:
    """The devmify table of a document: all of it, or `[tool.devmify]` in a pyproject.toml."""
    if os.path.basename(path) != PYPROJECT:
        return doc
    tool = doc.get("tool", {})
    table = tool.get("devmify") if isinstance(tool, dict) else None
    if table is None and required:
        raise ConfigError(f"{path}: no [tool.devmify] table")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.devmify must be a table")
    return table


def _parse(path: str, table: dict) -> Config:
    prefix = "tool.devmify." if os.path.basename(path) == PYPROJECT else ""
    base = os.path.realpath(os.path.dirname(path) or ".")

    def checked(key: str, parse, value):
        try:
            return parse(value)
        except ValueError as exc:
            raise ConfigError(f"{path}: {prefix}{key}: {exc}") from exc

    def layer(t: dict, where: str, allowed) -> Layer:
        unknown = next((k for k in t if k not in allowed), None)
        if unknown is not None:
            raise ConfigError(f"{path}: unknown key {prefix}{where}{unknown} "
                              f"(keys: {', '.join(sorted(allowed))})")
        return Layer(**{name: checked(where + key, parse, t[key])
                        for key, (name, parse) in _LAYER_KEYS.items() if key in t})

    def pattern(key: str, text) -> Pattern:
        return Pattern(checked(key, pattern_text, text), base, path)

    top = layer(table, "", _TOP_KEYS)
    exclude = tuple(pattern("exclude", p) for p in checked("exclude", _strings, table.get("exclude", [])))
    per_path = table.get("paths", {})
    if not isinstance(per_path, dict) or not all(isinstance(t, dict) for t in per_path.values()):
        raise ConfigError(f"{path}: {prefix}paths: must hold tables, as [paths.\"drivers/input/**\"]")
    tables = tuple((pattern(f"paths.{json.dumps(glob)}", glob),
                    layer(t, f"paths.{json.dumps(glob)}.", _LAYER_KEYS))
                   for glob, t in per_path.items())
    return Config(path, top, tables, exclude)
