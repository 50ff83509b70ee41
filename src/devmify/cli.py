"""Command line: arguments, walking trees, writing results, exit codes."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from dataclasses import dataclass

from . import catalogue, config, findings, output, problems
from .inplace import write_back
from .inputs import directory_of
from .rules import ALL_RULES, by_code, explain
from .rules.policy import POLICIES
from .scan import Scan, jobs_for

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_PIPE_CLOSED = 141  # as git: the reader (e.g. `| head`) went away
DEFAULT_TIMEOUT = 300.0  # seconds per file: only a pathological file comes near it

EPILOG = """\
subcommands:
  devmify explain CODE|API|KIND
                             print the long form of a rule (DV001...), an API pair or
                             a finding kind (error-path-leak, double-release, ...)
  devmify apis               list the API catalogue
  devmify rules              list the safety rules
  devmify check [-j N] PATHS...
                             only the bug checker: findings in the drivers as they are
  devmify verify --kernel-tree DIR [--drop-failing] PATHS...
                             build each changed driver before and after its patch with
                             the kernel's make, and run checkpatch on the patch

exit status (when files have problems of several kinds, the largest code wins):
  0  success (whether or not anything was converted)
  2  bad usage: nothing was read
""" + "\n".join(problems.help_lines()) + """
  130  interrupted (Ctrl-C)
  143  terminated (SIGTERM)
       after either, the files finished so far were printed or written whole, nothing
       else was; no JSON report is printed
  141  the output pipe was closed early (e.g. `devmify ... | head`)

devmify never runs anything from the tree it reads; only `devmify verify` runs the
kernel's own make and scripts/checkpatch.pl there.
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="devmify",
        description="Convert Linux kernel drivers to managed device resources (devm_*), "
                    "refusing, with a reason, every conversion that would change behaviour.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", help="C files and directories (mixed freely)")
    p.add_argument("--format", choices=("diff", "json", "sarif", "report"), default="diff",
                   help="diff (default): unified diff for patch -p1; json: the report "
                        "contract; sarif: SARIF 2.1.0 for code scanning (refusals, findings, "
                        "each changed file's patch as a fix); report: file:line:col: "
                        "WARNING: lines")
    p.add_argument("--policy", choices=POLICIES,
                   help="prefix (default): convert each resource whose release order is "
                        "kept; all-or-nothing: convert a driver only if nothing in it "
                        "stays unmanaged (rule DV009); over the configuration, for every path")
    p.add_argument("--apis", type=_arg(config.names(config.classes)), metavar="CLASS,...",
                   help="convert only resources of these classes (default: all; `devmify apis` "
                        "shows each API's class); the others are refused (rule DV023)")
    p.add_argument("--in-place", action="store_true",
                   help="rewrite the files (atomically) instead of printing a diff")
    _scan_options(p)
    _config_options(p).add_argument(
        "--show-config", action="store_true",
        help="print the settings in effect for PATHS (default: the current directory) and "
             "the file they come from, then exit")
    mail = p.add_argument_group(
        "patch series", "--format-patch writes one git format-patch mail per changed file, "
        "git am-able on the tree it was made from; the subject prefix is the one the file's "
        "git history uses (else derived from the path)")
    mail.add_argument("--format-patch", metavar="OUTDIR",
                      help="write the mails to OUTDIR (0001-....patch) and print their names")
    mail.add_argument("--from", dest="author", metavar="'NAME <EMAIL>'",
                      help="the author (default: git config user.name and user.email)")
    mail.add_argument("-s", "--signoff", action="store_true",
                      help="add Signed-off-by: with the author, as git format-patch -s "
                           "(your statement: devmify never adds it by itself)")
    mail.add_argument("--subject-prefix", default="PATCH", metavar="TEXT",
                      help="in the subject's brackets (default: %(default)s; e.g. 'PATCH net-next')")
    return p


def _scan_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-j", "--jobs", type=_positive, default=os.cpu_count() or 1, metavar="N",
                   help="files analysed at once, in worker processes (default: the number "
                        "of CPUs, %(default)s here); the output order does not depend on it")
    p.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help="skip a file whose analysis takes longer, as an internal error "
                        "(default: %(default)g; 0: no limit)")


def _config_options(p: argparse.ArgumentParser) -> argparse._ArgumentGroup:
    group = p.add_argument_group(
        "configuration", "a .devmify.toml, or a [tool.devmify] table in a pyproject.toml, in the\n"
        "paths' common directory or the nearest one above it; flags override it for every path")
    source = group.add_mutually_exclusive_group()
    source.add_argument("--config", metavar="FILE", help="read FILE instead of looking for one")
    source.add_argument("--no-config", action="store_true", help="read no configuration file")
    group.add_argument("--rules", type=_arg(config.names(config.kinds)), metavar="KIND,...",
                       help="report only these finding kinds (default: all; the safety rules "
                            "DV001... cannot be switched off)")
    group.add_argument("--exclude", type=_arg(config.cwd_pattern), action="append", default=[],
                       metavar="GLOB", help="never read files matching GLOB (relative to the "
                                            "current directory; repeatable; added to the file's)")
    return group


def _arg(parse):
    """An argparse type from a configuration check: its ValueError is the usage error."""
    def checked(text: str):
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from exc
    return checked


def flags(args: argparse.Namespace) -> config.Layer:
    """What the command line sets, over the configuration file for every path."""
    return config.Layer(args.policy, args.apis, args.rules)


def _config(args: argparse.Namespace, given: config.Layer) -> config.Config:
    """The configuration file's settings, with what the command line ``given`` over them."""
    return config.load(args.paths, args.config, args.no_config).with_flags(given, args.exclude)


def _seconds(text: str) -> float:
    value = float(text)
    if not value >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {text}")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _subcommand(argv: list[str]) -> int | None:
    if not argv:
        return None
    cmd, rest = argv[0], argv[1:]
    if cmd == "explain":
        if len(rest) != 1:
            print("usage: devmify explain CODE|API|KIND", file=sys.stderr)
            return EXIT_USAGE
        rule = by_code(rest[0])
        if rule is not None:
            print(explain(rule), end="")
            return EXIT_OK
        api = catalogue.lookup(rest[0])
        if api is not None:
            print(api.explain(), end="")
            return EXIT_OK
        if rest[0] in findings.KINDS:
            print(findings.KINDS[rest[0]].explain(), end="")
            return EXIT_OK
        print(f"devmify: no rule, API or finding kind named {rest[0]!r}", file=sys.stderr)
        return EXIT_USAGE
    if cmd == "apis" and not rest:
        table = catalogue.apis().values()
        w1, w2 = max(len(a.name) for a in table), max(len(a.managed) for a in table)
        for api in table:
            print(f"{api.name:{w1}} -> {api.managed:{w2}} {api.cls:12} releases: {', '.join(api.releases)}")
        return EXIT_OK
    if cmd == "verify":
        return _verify(rest)
    if cmd == "check":
        return _check(rest)
    if cmd == "rules" and not rest:
        for rule in sorted(ALL_RULES, key=lambda r: r.CODE):
            print(f"{rule.CODE}  {rule.NAME:20} {rule.SUMMARY}")
        return EXIT_OK
    return None


def _check(argv: list[str]) -> int:
    """Only the bug checker: the findings in the drivers as they are, as report lines."""
    p = argparse.ArgumentParser(prog="devmify check", description=_check.__doc__)
    p.add_argument("paths", nargs="+", help="C files and directories")
    _scan_options(p)
    _config_options(p)
    args = p.parse_args(argv)
    return _run(args.paths, "check", _config(args, config.Layer(kinds=args.rules)), False,
                args.jobs, args.timeout)


def _verify(argv: list[str]) -> int:
    from . import kbuild  # builds kernels: not loaded for a plain run
    p = argparse.ArgumentParser(
        prog="devmify verify",
        description="Build each changed driver with the kernel's own make, before and after "
                    "its patch, and run the kernel's scripts/checkpatch.pl on the patch. This "
                    "runs code from the kernel tree (its Makefiles and scripts): use it on a "
                    "tree you trust. Every file is put back afterwards, also on Ctrl-C or SIGTERM.")
    p.add_argument("paths", nargs="+", help="C files and directories inside the kernel tree")
    p.add_argument("--kernel-tree", required=True, metavar="DIR",
                   help="a configured kernel tree (scripts/prepare-kernel-build.sh)")
    p.add_argument("--jobs", "-j", type=_positive, default=os.cpu_count() or 1, metavar="N",
                   help="make -jN (default: the number of CPUs)")
    p.add_argument("--make-arg", action="append", default=[], metavar="ARG",
                   help="passed to every make call, the same before and after (e.g. W=1)")
    p.add_argument("--drop-failing", action="store_true",
                   help="print only the patches that pass (built, no new warning, no "
                        "checkpatch error); the per-file report goes to stderr")
    args = p.parse_args(argv)
    if not os.path.isfile(os.path.join(args.kernel_tree, ".config")):
        print(f"devmify verify: {args.kernel_tree} is not a configured kernel tree "
              f"(run scripts/prepare-kernel-build.sh)", file=sys.stderr)
        return EXIT_USAGE
    # SIGTERM unwinds like Ctrl-C, so that verify puts back every file it patched
    signal.signal(signal.SIGTERM, _terminate)
    verdicts = kbuild.verify(args.kernel_tree, args.paths, args.jobs, args.make_arg)
    report = sys.stderr if args.drop_failing else sys.stdout
    for v in verdicts:
        if v.skipped:
            print(f"{v.path}: SKIP {v.skipped}", file=report)
            continue
        state = "PASS" if v.passed else "FAIL"
        print(f"{v.path}: {state} built before {'yes' if v.built_before else 'no'}, after "
              f"{'yes' if v.built_after else 'no'}; {len(v.new_warnings)} new compiler messages; "
              f"checkpatch {v.checkpatch_errors} errors, {len(v.checkpatch) - v.checkpatch_errors} "
              f"warnings/checks", file=report)
        for line in v.new_warnings + v.checkpatch:
            print(f"  {line}", file=report)
        if args.drop_failing and v.passed:
            sys.stdout.write(v.diff)
    print(kbuild.summary(verdicts), file=report)
    return EXIT_OK


def _terminate(signum, frame):
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PIPE_CLOSED
    except config.ConfigError as exc:
        print(f"devmify: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _main(argv: list[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    sub = _subcommand(argv)
    if sub is not None:
        return sub
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.paths and not args.show_config:
        parser.error("the following arguments are required: paths")
    conf = _config(args, flags(args))
    if args.show_config:
        sys.stdout.write(conf.show())
        return EXIT_OK
    series = None
    if args.format_patch is not None:
        series = _series(parser, args)
    elif args.author or args.signoff:
        parser.error("--from and --signoff go with --format-patch")
    return _run(args.paths, "mail" if series else args.format, conf, args.in_place,
                args.jobs, args.timeout, series)


def _series(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Series:
    """The mail options, checked before anything is read: who the author is."""
    if args.in_place or args.format != "diff":
        parser.error("--format-patch writes mails: it goes with neither --in-place nor --format")
    import email.utils  # only for mails: not loaded for a plain run

    from . import mails
    author = args.author or mails.identity(directory_of(args.paths[0]))
    if not author:
        parser.error("no author for the mails: pass --from 'Name <email>' or set git config "
                     "user.name and user.email")
    name, address = email.utils.parseaddr(author)
    if not name or "@" not in address:
        parser.error(f"--from wants 'Name <email>', not {author!r}")
    return Series(args.format_patch, author, args.signoff, args.subject_prefix)


@dataclass(frozen=True)
class Series:
    outdir: str
    author: str
    signoff: bool
    subject_prefix: str


def _run(paths: list[str], fmt: str, conf: config.Config, in_place: bool, workers: int,
         timeout: float, series: Series | None = None) -> int:
    jobs, bad_paths = jobs_for(paths, conf, fmt, in_place, timeout)
    for path in paths:  # named, yet excluded: not a problem, but not silent either
        pattern = conf.excluded(path) if os.path.lexists(path) else None
        if pattern is not None:
            print(f"devmify: {path}: not read: excluded by {pattern.text!r} ({pattern.origin})",
                  file=sys.stderr)
    met = [b.problem for b in bad_paths]
    for b in bad_paths:
        print(f"devmify: {b.path}: {b.problem}", file=sys.stderr)
    # a bar on the terminal, unless the patch itself is streaming to that terminal
    progress = sys.stderr.isatty() and (in_place or fmt in ("json", "sarif")
                                        or not sys.stdout.isatty())
    scan = Scan(jobs, workers, progress)
    entries: list[dict] = []
    log = _sarif_log(bad_paths) if fmt == "sarif" else None
    changes: list = []  # mails.Change, with --format-patch
    changed = done = 0
    for res in scan:
        done += 1
        if res.converted is not None:  # outputs come in job order
            refused = write_back(res.real, jobs[done - 1].root, res.read_digest, res.converted)
            if refused is not None:
                res.errors.append(refused)
                res.changed = False
                if res.entry is not None:
                    res.entry["errors"].append(output.problem_json(refused))
        changed += res.changed
        met += res.errors
        if res.change is not None:
            changes.append(res.change)
        if log is not None:
            log.add(res)
        elif res.entry is not None:
            entries.append(res.entry)
        elif res.text:
            sys.stdout.buffer.write(res.text.encode("utf-8", "surrogateescape"))
            sys.stdout.flush()
        for err in res.errors:
            scan.warn(f"devmify: {res.path}: {err}")
    if scan.interrupted:
        print(f"devmify: {'interrupted' if scan.interrupted == signal.SIGINT else 'terminated'} "
              f"after {done} of {len(jobs)} files"
              f"{f'; {changed} rewritten whole, the rest untouched' if in_place else ''}",
              file=sys.stderr)
        return 128 + scan.interrupted
    if fmt == "json":
        sys.stdout.write(output.json_report(entries, changed))
    elif log is not None:
        sys.stdout.write(log.text(problems.status(met)))
    if series is not None:
        met += _write_series(series, changes)
    return problems.status(met)


def _sarif_log(bad_paths):
    from . import sarif  # only for --format sarif
    return sarif.Log(bad_paths)


def _write_series(series: Series, changes: list) -> list[problems.Problem]:
    from . import mails
    try:
        written = mails.write_series(changes, series.outdir, series.author, series.signoff,
                                     series.subject_prefix)
    except OSError as exc:
        print(f"devmify: {series.outdir}: {exc.strerror}", file=sys.stderr)
        return [problems.Problem(problems.NOT_WRITTEN.name, exc.strerror or str(exc))]
    for path in written:
        print(path)
    guessed = sum(not c.from_history for c in changes)
    if guessed:
        print(f"devmify: {guessed} of {len(changes)} subject prefixes come from the path, not "
              f"from git history: check them", file=sys.stderr)
    return []


if __name__ == "__main__":
    sys.exit(main())
