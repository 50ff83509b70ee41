"""`--format report` prints positions as Coccinelle's report mode does, so that scripts
reading coccicheck output read devmify's: checked against spatch itself."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from devmify.cli import main

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from vs_spatch import ensure_spatch  # noqa: E402

THERMO = Path(__file__).resolve().parent.parent / "examples" / "drivers" / "i2c" / "thermo.c"
LINE = re.compile(r"^(?P<pos>\S+:\d+:\d+-\d+): (?P<level>WARNING|NOTE|INFO|ERROR): (?P<msg>.+)$")

# every call to kzalloc or kfree, reported where Coccinelle puts a call's position
COCCI = """virtual report
@r depends on report@
identifier f = {kzalloc, kfree, kmalloc};
position p;
@@
f@p(...)
@script:python depends on report@
p << r.p;
f << r.f;
@@
coccilib.report.print_report(p[0], "WARNING: " + f)
"""


def _utf8_comment_before_each_kfree(tmp_path) -> Path:
    """thermo.c with `/* é */ ` before each kfree(): columns count bytes, not characters."""
    copy = tmp_path / "thermo.c"
    copy.write_bytes(THERMO.read_bytes().replace(b"\tkfree(", "\t/* \u00e9 */ kfree(".encode()))
    return copy


@pytest.mark.parametrize("driver", [lambda tmp: THERMO, _utf8_comment_before_each_kfree],
                         ids=["thermo", "utf8-comment"])
def test_positions_are_those_spatch_reports(driver, tmp_path, capsys):
    try:
        spatch = ensure_spatch()
    except (SystemExit, subprocess.CalledProcessError) as exc:
        pytest.skip(f"spatch unavailable: {exc}")
    path = driver(tmp_path)
    (tmp_path / "calls.cocci").write_text(COCCI)
    proc = subprocess.run([spatch, "--very-quiet", "-D", "report", "--sp-file", "calls.cocci",
                           str(path)], cwd=tmp_path, capture_output=True, text=True, check=True)
    theirs = {m["pos"]: m["msg"] for m in map(LINE.match, proc.stdout.splitlines()) if m}
    assert main(["--format", "report", "-j", "1", str(path)]) == 0
    ours = [LINE.match(line) for line in capsys.readouterr().out.splitlines()]
    assert ours and all(ours), "every line is file:line:col-col: LEVEL: message"
    about = {m["pos"]: m["msg"] for m in ours if re.match(r"(use devm_kzalloc\(\) instead of kzalloc|"
                                                          r"kfree\(|kmalloc\(\))", m["msg"])}
    assert len(about) >= 4
    for pos, msg in about.items():
        assert pos in theirs, (pos, msg, theirs)
        assert theirs[pos] in msg
