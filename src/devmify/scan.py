"""Many files at once: worker processes, output in the order the files were given.

Each file is read, analysed and rendered in a worker (or in this process for ``-j 1``
and for a single file) and comes back as a :class:`FileOutput`: plain data holding what
the chosen format prints for it.  Results are handed out in the order of the file list
whatever the scheduling, so two runs print the same bytes.

A Python exception while analysing a file becomes that file's ``errors`` entry.  A
worker that dies outright (a crash in the parser) breaks the pool: the files it may have
been on are run again one by one, each in a pool of its own, and the one that kills its
worker again is reported as an error; the run goes on.  The first Ctrl-C or SIGTERM
stops handing out work: what is in flight finishes, nothing more is printed or written,
and :attr:`Scan.interrupted` holds the signal.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterator

from . import output
from .config import Config, Settings
from .inplace import digest
from .inputs import PathProblem, find_c_files
from .pipeline import FileResult, analyse_path
from .problems import INTERNAL, Problem

if TYPE_CHECKING:  # imported where workers start: one file needs none of it
    from ctypes import Array

    from .mails import Change

CHUNK = 4  # files per task: small, so Ctrl-C is quick and a slow file delays little


@dataclass(frozen=True)
class Job:
    index: int
    real: str         # where the file is
    display: str      # the path printed
    settings: Settings  # the configuration's, for this file
    fmt: str          # diff, json, sarif, report, check or mail
    keep: bool        # return the converted bytes (--in-place)
    root: str = "."   # the path given the file was found under
    timeout: float = 0  # seconds one file may take (0: no limit)


@dataclass
class FileOutput:
    path: str
    real: str
    errors: list[Problem] = field(default_factory=list)
    changed: bool = False
    converted: bytes | None = None  # only with Job.keep
    read_digest: bytes = b""        # of the bytes converted, only with Job.keep
    text: str = ""                  # what the format prints for the file (not json)
    entry: dict | None = None       # the file's JSON entry (json and sarif only)
    sarif: dict | None = None       # its columns and replacements (sarif.file_extras)
    change: "Change | None" = None  # what the file's mail says (mail only, changed files)


def jobs_for(paths: list[str], config: Config, fmt: str, keep: bool,
             timeout: float = 0) -> tuple[list[Job], list[PathProblem]]:
    """A job for every .c file under ``paths`` that ``config`` does not exclude,
    numbered in file order, and what was wrong with the paths themselves."""
    found, problems = find_c_files(paths, config.excluded)
    return [Job(i, f.real, f.display, config.settings_for(f.real), fmt, keep, f.root, timeout)
            for i, f in enumerate(found)], problems


class TooSlow(BaseException):  # not an Exception: no `except Exception` may swallow it
    pass


@contextlib.contextmanager
def time_limit(seconds: float):
    """Raise :class:`TooSlow` in the code run inside after ``seconds`` of wall time.
    Some shapes take the analysis superlinear time (1,000 nested ifs: minutes), and one
    generated file must not hold up a whole tree."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise TooSlow
    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def render(job: Job) -> FileOutput:
    """Analyse one file and render it for ``job.fmt``; never raises for the file's sake."""
    try:
        with time_limit(job.timeout):
            return _render(job)
    except TooSlow:
        return failed(job, f"took longer than {job.timeout:g} s (--timeout): the analysis meets "
                           f"a shape it is slow on")
    except Exception as exc:  # noqa: BLE001 - a bug met in one file must not end the run
        return failed(job, f"{type(exc).__name__}: {exc}")


def failed(job: Job, what: str) -> FileOutput:
    """A file devmify failed on: an internal error, also in the JSON report's files."""
    problem = internal(what)
    entry = output.file_entry(FileResult(job.display, errors=[problem])) if job.fmt == "json" else None
    return FileOutput(job.display, job.real, [problem], entry=entry)


def _render(job: Job) -> FileOutput:
    res = analyse_path(job.real, job.display, job.settings)
    out = FileOutput(res.path, job.real, list(res.errors), res.changed)
    if job.keep and res.changed:
        out.converted, out.read_digest = res.converted, digest(res.original)
    if job.fmt == "json":
        out.entry = output.file_entry(res)
    elif job.fmt == "sarif":
        from .sarif import file_extras
        out.entry, out.sarif = output.file_entry(res), file_extras(res)
    elif job.fmt == "report":
        out.text = "".join(line + "\n" for line in output.report_lines(res))
    elif job.fmt == "mail":
        if res.changed:
            from .mails import change_of
            out.change = change_of(res, job.real)
    elif job.fmt == "check":
        at = output.Positions(res)
        out.text = "".join(output.finding_line(at, f) + "\n"
                           for p in res.plans for f in p.findings)
    elif not job.keep:
        out.text = output.unified_diff(res)
    return out


def internal(what: str) -> Problem:
    return Problem(INTERNAL.name, f"internal error, file skipped: {what}")


# In a worker: one shared byte per job, set when the worker starts on it (shared memory,
# so no worker ever waits for the parent to read; a pipe's buffer once filled up and
# stopped every worker of a whole-tree run).
_started: "Array | None" = None


def _worker_init(started: "Array") -> None:
    global _started
    _started = started
    _ignore_stops()


STOPS = (signal.SIGINT, signal.SIGTERM)


def _ignore_stops() -> None:
    for sig in STOPS:  # sent to the whole process group: the parent decides when to stop
        signal.signal(sig, signal.SIG_IGN)


def _run_chunk(work: Callable[[Job], object], jobs: list[Job]) -> list:
    out = []
    for job in jobs:
        _started[job.index] = 1
        out.append(work(job))
    return out


class Scan:
    """Iterate over ``work(job)`` for every job, in order: by default :func:`render`,
    which never raises; another ``work`` (a module-level function, for the workers)
    may, and its exception then ends the scan."""

    def __init__(self, jobs: list[Job], workers: int, progress: bool = False,
                 work: Callable[[Job], object] = render) -> None:
        self.jobs, self.workers, self.progress, self.work = jobs, workers, progress, work
        self.interrupted = 0  # the signal that stopped the scan
        self._bar = None

    def warn(self, message: str) -> None:
        """A line on stderr that does not tear the progress bar."""
        if self._bar is not None:
            self._bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def __iter__(self) -> Iterator[FileOutput]:
        bar = self._bar = _bar(len(self.jobs)) if self.progress else None
        in_main = threading.current_thread() is threading.main_thread()
        old = {sig: signal.signal(sig, self._interrupt) for sig in STOPS} if in_main else {}
        try:
            inner = self._serial() if self.workers <= 1 or len(self.jobs) <= 1 else self._parallel()
            for out in inner:
                if self.interrupted:
                    inner.close()
                    break
                if bar is not None:
                    bar.update()
                yield out
        finally:
            for sig, handler in old.items():
                signal.signal(sig, handler)
            if bar is not None:
                bar.close()
                self._bar = None

    def _interrupt(self, signum, frame) -> None:
        self.interrupted = self.interrupted or signum

    def _serial(self) -> Iterator[FileOutput]:
        for job in self.jobs:
            yield self.work(job)
            if self.interrupted:
                return

    def _parallel(self) -> Iterator[FileOutput]:
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool
        from multiprocessing import RawArray

        todo = deque(self.jobs[i:i + CHUNK] for i in range(0, len(self.jobs), CHUNK))
        suspects: set[int] = set()
        started = RawArray("b", len(self.jobs))
        while todo:
            while todo and any(j.index in suspects for j in todo[0]):
                for job in todo.popleft():
                    yield _alone(self.work, job)
            if not todo or self.interrupted:
                return
            pool = ProcessPoolExecutor(self.workers, initializer=_worker_init, initargs=(started,))
            futures = deque(pool.submit(_run_chunk, self.work, chunk) for chunk in todo)
            try:
                while futures:
                    outputs = futures[0].result()
                    futures.popleft()
                    todo.popleft()
                    yield from outputs
                    if self.interrupted:
                        return
            except BrokenProcessPool:
                # the files a worker had started whose chunk never came back
                new = {j.index for chunk, f in zip(todo, futures)
                       if not (f.done() and f.exception() is None)
                       for j in chunk if started[j.index]} - suspects
                suspects |= new or {j.index for j in todo[0]}
            finally:
                pool.shutdown(wait=True, cancel_futures=True)


def _alone(work: Callable[[Job], object], job: Job):
    """One file in a worker of its own: if it dies again, the file was the cause."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(1, initializer=_ignore_stops) as pool:
        try:
            return pool.submit(work, job).result()
        except BrokenProcessPool:
            return failed(job, "the process analysing it died")


def _bar(total: int):
    from tqdm import tqdm  # only on a terminal: the import costs start-up time
    return tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True, leave=False)
