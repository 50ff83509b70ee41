"""The files a run reads: the .c files under the paths given, and reading one safely.

A path that does not exist, a directory with no .c file or one that cannot be listed,
and a file named on the command line that is not a .c file are problems of the path
(one line each; the run goes on with the other paths).  A file reached twice (named
twice, or through a symlink) is read once.  Nothing but regular files is ever opened:
a FIFO named ``x.c`` would block a read forever, a device could act on it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from typing import Callable

from .problems import MISSING, NOT_C, UNREADABLE, Problem


@dataclass(frozen=True)
class Input:
    real: str     # the path to open
    display: str  # the path printed
    root: str     # the path given it was found under: --in-place writes nothing outside it


@dataclass(frozen=True)
class PathProblem:
    path: str
    problem: Problem


class ReadFailed(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def directory_of(path: str) -> str:
    """The directory a path given names: itself, or the one the file is in."""
    return path if os.path.isdir(path) else os.path.dirname(path) or "."


def find_c_files(paths: list[str], excluded: Callable[[str], object] = lambda path: None,
                 ) -> tuple[list[Input], list[PathProblem]]:
    """Every .c file under ``paths`` in a stable order, and what was wrong with paths.
    What ``excluded`` is true for (the configuration's `exclude`) is never listed nor
    read, a path named in ``paths`` included: the caller says so."""
    found: list[Input] = []
    problems: list[PathProblem] = []
    seen: set[str] = set()

    def add(real: str, root: str) -> None:
        key = os.path.realpath(real)
        if key not in seen:
            seen.add(key)
            found.append(Input(real, os.path.normpath(real), root))

    for arg in paths:
        if not os.path.lexists(arg):
            problems.append(PathProblem(arg, Problem(MISSING.name, "no such file or directory")))
        elif excluded(arg):
            continue
        elif os.path.isdir(arg):
            before, left_out = len(found), False
            unlisted: list[OSError] = []
            for top, dirs, files in os.walk(arg, onerror=unlisted.append):
                kept = sorted(d for d in dirs if not excluded(os.path.join(top, d)))
                left_out |= len(kept) < len(dirs)
                dirs[:] = kept
                for path in (os.path.join(top, n) for n in sorted(files) if n.endswith(".c")):
                    if excluded(path):
                        left_out = True
                    else:
                        add(path, arg)
            for err in unlisted:
                problems.append(PathProblem(err.filename, Problem(
                    UNREADABLE.name, f"cannot list this directory: {err.strerror}")))
            if len(found) == before and not unlisted and not left_out:
                problems.append(PathProblem(arg, Problem(MISSING.name, "no .c file under this directory")))
        elif not arg.endswith(".c"):
            problems.append(PathProblem(arg, Problem(
                NOT_C.name, "not a .c file (devmify reads C source files named *.c)")))
        else:
            add(arg, os.path.dirname(arg) or ".")
    return found, problems


def read(path: str) -> bytes:
    """The bytes of a regular file; :class:`ReadFailed` with the reason otherwise."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise ReadFailed(Problem(UNREADABLE.name, "not a regular file"))
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a file swapped for a FIFO since
        with os.fdopen(fd, "rb") as fh:                   # the stat must not block the run
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ReadFailed(Problem(UNREADABLE.name, "not a regular file"))
            return fh.read()
    except OSError as exc:
        raise ReadFailed(Problem(UNREADABLE.name, exc.strerror or str(exc))) from exc
