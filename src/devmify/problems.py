"""What can go wrong with a path, a file or a write, and the exit status each gives.

Every problem is printed as one line, ``devmify: PATH: what is wrong``, and the run goes
on past it.  The exit status is the largest code among the problems met, so the most
serious kind decides it; 0 when there were none.  Usage errors (2) stop before any file
is read, and signals end a run with 128 + the signal number, as shells report them.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str
    status: int
    meaning: str


MISSING = Kind("missing", 3, "a path given does not exist, or a directory given holds no .c file")
# Not "does not parse as C": tree-sitter puts every byte of real 6.1 drivers (tgafb.c)
# under an error node, so a parse cannot tell C from something else.
NOT_C = Kind("not-c", 4, "not C source: a binary file (NUL bytes), or a file named on the "
                         "command line that is not a .c file")
UNREADABLE = Kind("unreadable", 5, "a file or directory that cannot be read (permissions, "
                                   "I/O error, a FIFO or device named .c)")
NOT_WRITTEN = Kind("not-written", 6, "--in-place left a file as it was: it changed on disk "
                                     "since devmify read it, it is a symlink leading outside "
                                     "the tree given, or the write failed")
INTERNAL = Kind("internal", 7, "devmify itself failed on a file (a bug: please report it); "
                               "the file was skipped, the run went on")
KINDS = {k.name: k for k in (MISSING, NOT_C, UNREADABLE, NOT_WRITTEN, INTERNAL)}


@dataclass(frozen=True)
class Problem:
    kind: str       # a name in KINDS
    message: str    # what is wrong, without the path

    def __str__(self) -> str:
        return self.message


def status(problems) -> int:
    """The exit status for the problems met: the largest code among them."""
    return max((KINDS[p.kind].status for p in problems), default=0)


def help_lines() -> list[str]:
    return [textwrap.fill(f"{k.name}: {k.meaning}", 88, initial_indent=f"  {k.status}  ",
                          subsequent_indent=" " * 7) for k in KINDS.values()]
