"""`--format-patch`: one `git format-patch` mail per changed file, for the mailing list.

A worker turns a file's result into a :class:`Change` (what the mail says, without its
number or author); the parent numbers the changes and writes the series.  The subject
takes the prefix the file's own git history uses (`Input: navpoint -`, `iio: adc: foo:`)
or, outside git or without one, a prefix derived from the path.  The body has one line
per transformation actually made, the reason devres keeps the release order, and the
conversions' reviewer notes; what devmify left unmanaged, and the bugs it found but did
not fix, go under the `---` line, which `git am` drops.

devmify runs git here, and only git, with the settings that could make git run another
program (pager, signature checks, fsmonitor, hooks) switched off: reading a tree's
history must not run the tree's code.
"""

from __future__ import annotations

import collections
import datetime
import email.utils
import hashlib
import os
import re
import subprocess
import textwrap
import time
from dataclasses import dataclass

from . import __version__
from .cfg import key
from .output import unified_diff
from .plan import DriverPlan, unmanaged_left
from .pipeline import FileResult
from .rewrite import and_list

HISTORY = 50          # commits of the file's history read for its subject prefix
SUBJECT_WIDTH = 75    # the subject line, as kernel maintainers want it
GIT = ["git", "--no-pager", "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null",
       "-c", "log.showSignature=false", "-c", "core.pager=cat"]
_GIT_ENV = {"GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0", "GIT_PAGER": "cat"}


@dataclass
class Change:
    path: str                  # as the diff names it: relative to the repository's top
    prefix: str                # `Input: tapkey -`
    from_history: bool         # the prefix is one the file's history uses
    upper: bool                # the history starts summaries with a capital letter
    calls: list[str]           # the managed calls the patch introduces, for the subject
    changelog: list[str]       # one line per transformation made
    notes: list[str]           # what a reviewer should know (bugs fixed, shared IRQs)
    left: list[str]            # refusals and findings, for under the --- line
    diff: str                  # `diff --git` with the blob ids, then the unified diff
    order: str                 # why devres keeps the release order: a paragraph


# -- a changed file -> Change (in the worker) -------------------------------------------------

def change_of(res: FileResult, real: str) -> Change:
    top = repository_top(os.path.dirname(real))
    path = os.path.relpath(real, top) if top else os.path.normpath(res.path).lstrip("/")
    prefix, upper = history_prefix(top, path) if top else (None, False)
    diff = _git_diff(res, path, real)
    changing = [p for p in res.plans if p.conversions or p.collapses]  # a changed file has one
    return Change(
        path=path, prefix=prefix or path_prefix(path), from_history=prefix is not None, upper=upper,
        calls=_calls(res.plans),
        changelog=[line for p in changing for line in _conversion_lines(p)] + res.cleanups,
        notes=[n for p in res.plans for a in p.conversions for n in p.notes.get(key(a.call), [])],
        left=_left(res), diff=diff, order=_order_paragraph(changing[0]),
    )


def _calls(plans: list[DriverPlan]) -> list[str]:
    """The managed calls the patch brings in, in the order they appear."""
    seen = []
    for p in plans:
        for a in p.conversions:
            name = p.managed_name(a)
            if not a.api.via and name not in seen:
                seen.append(name)
        for c in p.collapses:
            if c.name not in seen:
                seen.append(c.name)
    return seen


def _conversion_lines(plan: DriverPlan) -> list[str]:
    out, said = [], set()
    for a in plan.conversions:
        merge = plan.collapse_of(a)
        if merge is not None:
            if key(merge.call) in said:
                continue
            said.add(key(merge.call))
            gone = [r for b in plan.conversions if plan.collapse_of(b) is merge
                    for r in plan.released.get(key(b.call), [])]
            target = next((b.target for b in plan.conversions if key(b.call) == key(merge.call)), a.target)
            out.append(f"Use {merge.name}() for {target} instead of {_sources(merge)}"
                       f"{_drops(plan, gone)}")
            continue
        drops = _drops(plan, plan.released.get(key(a.call), []))
        if a.api.via:
            out.append(f"Let {a.api.managed}() release what {a.api.name}() claims{drops}")
        elif plan.as_action(a):
            out.append(f"Call {a.api.action}() for {a.target} from a devm action "
                       f"(devm_add_action_or_reset()) instead of by hand{drops}")
        else:
            out.append(f"Use {a.api.managed}() for {a.target}{drops}")
    out.extend(f"Use {c.name}() instead of {_sources(c)}"  # calls managed already, merged
               for c in plan.collapses if key(c.call) not in said)
    return out


def _sources(merge) -> str:
    return " + ".join(s + "()" for s in merge.sources)


def _drops(plan: DriverPlan, releases: list) -> str:
    """`; drop kfree() from the error path and remove()`."""
    if not releases:
        return ""
    places = []
    for r in releases:
        place = ("remove()" if r.function == plan.driver.remove
                 else "the error path" if r.function == plan.driver.probe else f"{r.function}()")
        if place not in places:
            places.append(place)
    names = list(dict.fromkeys(r.name + "()" for r in releases))
    return f"; drop {and_list(names)} from {and_list(places)}"


def _order_paragraph(plan: DriverPlan) -> str:
    text = ("devres releases managed resources when probe() fails and after remove() returns, "
            "in the reverse order of their acquisition: the order in which the error path and "
            "remove() released them by hand.")
    if unmanaged_left(plan):
        text += (" What stays unmanaged is left as it was: where the driver releases it by "
                 "hand, that still happens before devres runs, and devmify converted only "
                 "resources that are still released after everything that uses them (see "
                 "`devmify explain DV019`).")
    return text


def _left(res: FileResult) -> list[str]:
    refused = [f"{res.path}:{r.line}: {r.api}() for {r.target or '?'} stays unmanaged: "
               f"{r.rule} {r.message}" for p in res.plans for r in p.refusals]
    found = [f"{res.path}:{f.line}: {f.message} [{f.kind}]" for p in res.plans for f in p.findings]
    out = []
    if refused:
        out += ["devmify left these unmanaged (`devmify explain DVnnn` says why):"] + \
               [f"  {line}" for line in refused]
    if found:
        out += (["", ] if out else []) + \
               ["devmify found these in the driver as it was; this patch does not change them:"] + \
               [f"  {line}" for line in found]
    return out


def _git_diff(res: FileResult, path: str, real: str) -> str:
    mode = "100755" if os.stat(real).st_mode & 0o111 else "100644"
    old, new = _blob(res.original)[:12], _blob(res.converted)[:12]
    body = unified_diff(FileResult(path, res.original, res.converted))
    a, b = body.split("\n", 2)[:2]
    return f"diff --git {a[4:].rstrip(chr(9))} {b[4:].rstrip(chr(9))}\nindex {old}..{new} {mode}\n{body}"


def _blob(data: bytes) -> str:
    """The git object id of ``data`` as a blob (for the diff's index line)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


# -- subject prefixes -------------------------------------------------------------------------

# `Input: navpoint - `, `iio: adc: foo: `, `ASoC: codecs: wm8731: `, `drm/i915: `
_PREFIX = re.compile(r"((?:[\w.,/+*-]+(?:\([\w.,/+*-]+\))?: +)+)(?:([\w.,/+*-]+) +- +)?(?=\S)")


def repository_top(directory: str) -> str | None:
    out = _git(directory, "rev-parse", "--show-toplevel")
    return out.strip() or None if out is not None else None


def history_prefix(top: str, path: str) -> tuple[str | None, bool]:
    """The subject prefix the file's own history uses most, preferring those that name
    the driver, and whether its summaries start with a capital letter."""
    log = _git(top, "log", "--no-merges", f"-n{HISTORY}", "--format=%s", "--", path) or ""
    found = []  # (prefix, summary)
    for subject in log.splitlines():
        m = _PREFIX.match(subject)
        if m:
            prefix = (m.group(1) + (m.group(2) + " -" if m.group(2) else "")).strip()
            found.append((prefix, subject[m.end():]))
    if not found:
        return None, False
    stem = os.path.splitext(os.path.basename(path))[0].lower()
    own = [f for f in found if _names_driver(f[0], stem)]
    # the most used; of those, the most recent (a Counter keeps the order first seen)
    best = collections.Counter(p for p, _ in own or found).most_common(1)[0][0]
    if not own:  # the subsystem's prefix, and the driver named in the history's style
        dash = any(p.endswith(" -") for p, _ in found)
        best = f"{best} {stem} -" if dash else f"{best} {stem}:"
    summaries = [s for p, s in found if s]
    upper = sum(s[0].isupper() for s in summaries) * 2 > len(summaries)
    return best, upper


def _names_driver(prefix: str, stem: str) -> bool:
    """`leds: blinky:` names leds-blinky.c, `Input: gpio-keys -` gpio-keys.c."""
    names = {stem, re.sub(r"^[a-z0-9]+[-_]", "", stem)}
    return any(word.lower() in names for word in re.split(r":\s*|\s+-$|\s+", prefix) if word)


def path_prefix(path: str) -> str:
    """`drivers/iio/adc/foo.c` -> `iio: adc: foo:`: a guess where no history tells."""
    parts = path.split("/")
    dirs = parts[1:-1] if parts[0] in ("drivers", "sound") and len(parts) > 2 else parts[:-1]
    return ": ".join(dirs + [os.path.splitext(parts[-1])[0]]) + ":"


def identity(directory: str) -> str | None:
    """`Name <email>` from git config as seen from ``directory``, or None."""
    name = (_git(directory, "config", "user.name") or "").strip()
    mail = (_git(directory, "config", "user.email") or "").strip()
    return email.utils.formataddr((name, mail)) if name and mail else None


def _git(directory: str, *args: str) -> str | None:
    try:
        proc = subprocess.run(GIT + list(args), cwd=directory or ".", capture_output=True,
                              text=True, errors="surrogateescape", stdin=subprocess.DEVNULL,
                              env={**os.environ, **_GIT_ENV}, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout if proc.returncode == 0 else None


# -- the series (in the parent) ---------------------------------------------------------------

def subject(change: Change) -> str:
    summary = _summary(change.calls, SUBJECT_WIDTH - len(change.prefix) - 1)
    if change.upper:
        summary = summary[0].upper() + summary[1:]
    return f"{change.prefix} {summary}"


def _summary(calls: list[str], width: int) -> str:
    """`use devm_kzalloc() and devm_request_irq()`; when that is wider than ``width``,
    a summary that fits (the changelog names every call)."""
    text = "use " + and_list([c + "()" for c in calls])
    return text if len(text) <= width else "use device-managed resources"


def mail(change: Change, number: int, total: int, author: str, signoff: bool,
         subject_prefix: str, date: str) -> str:
    tag = f"[{subject_prefix}]" if total == 1 else \
        f"[{subject_prefix} {number:0{len(str(total))}d}/{total}]"
    paragraphs = ["\n".join(_wrap(line) for line in change.changelog), _fill(change.order)] + \
        [_fill(n[0].upper() + n[1:] + ("" if n.endswith(".") else ".")) for n in change.notes]
    trailer = f"\n\nSigned-off-by: {author}" if signoff else ""
    headers = ["From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001",
               f"From: {_header_address(author)}", f"Date: {date}",
               f"Subject: {_header_text(f'{tag} {subject(change)}')}"]
    text = "\n\n".join(paragraphs) + trailer
    if any(ord(c) > 127 for c in text + change.diff):
        headers += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8",
                    "Content-Transfer-Encoding: 8bit"]
    under = "\n".join(change.left)
    return ("\n".join(headers) + "\n\n" + text + "\n---\n" + _diffstat(change) +
            (f"\n{under}\n" if under else "") + "\n" + change.diff +
            f"-- \ndevmify {__version__}\n\n")


def _wrap(line: str) -> str:
    """A changelog line (`- ...`), wrapped at 75 columns with a hanging indent."""
    return textwrap.fill(line, 75, initial_indent="- ", subsequent_indent="  ",
                         break_long_words=False, break_on_hyphens=False)


def _fill(text: str) -> str:
    return textwrap.fill(text, 75, break_long_words=False, break_on_hyphens=False)


def _header_address(author: str) -> str:
    name, addr = email.utils.parseaddr(author)
    return email.utils.formataddr((name, addr), charset="utf-8")


def _header_text(text: str) -> str:
    if text.isascii():
        return text
    from email.header import Header
    return Header(text, "utf-8").encode()


def _diffstat(change: Change) -> str:
    lines = change.diff.splitlines()
    added = sum(1 for line in lines if line.startswith("+") and not line.startswith("+++"))
    deleted = sum(1 for line in lines if line.startswith("-") and not line.startswith("---"))
    total = added + deleted
    width = max(10, 72 - len(change.path) - len(str(total)))
    scale = min(1.0, width / total) if total else 1.0
    plus, minus = round(added * scale), round(deleted * scale)
    parts = [f"{n} {what}{'s' if n != 1 else ''}({sign})"
             for n, what, sign in ((added, "insertion", "+"), (deleted, "deletion", "-")) if n]
    return (f" {change.path} | {total} {'+' * plus}{'-' * minus}\n"
            f" 1 file changed{', ' if parts else ''}{', '.join(parts)}\n")


def file_name(number: int, subject_text: str) -> str:
    """`0001-Input-tapkey-use-devm_kzalloc.patch`, as git format-patch names it."""
    slug = re.sub(r"[^A-Za-z0-9._]+", "-", subject_text).strip("-.")
    return f"{number:04d}-{slug[:52].rstrip('-.')}.patch"


def mail_date() -> str:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible series)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return email.utils.format_datetime(datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc))
    return email.utils.formatdate(time.time(), localtime=True)


def write_series(changes: list[Change], outdir: str, author: str, signoff: bool,
                 subject_prefix: str = "PATCH") -> list[str]:
    """Write the mails; return their paths, in order."""
    os.makedirs(outdir, exist_ok=True)
    date, paths = mail_date(), []
    for i, change in enumerate(changes, 1):
        path = os.path.join(outdir, file_name(i, subject(change)))
        with open(path, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
            f.write(mail(change, i, len(changes), author, signoff, subject_prefix, date))
        paths.append(path)
    return paths
