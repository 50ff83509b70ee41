"""Golden cases: tests/cases/<topic>/<name>.c in, <name>.res out (absent: unchanged),
<name>.json the expected `drivers` of the JSON report (messages not compared).
A case may give command-line options in a comment, read by devmify's own parser:
`devmify-options: --policy all-or-nothing`, `devmify-options: --apis memory,irq`."""

from __future__ import annotations

import json
import re

import pytest

from devmify import cli, output, pipeline
from devmify.config import Settings
from golden import case_id, cases, gcc_warnings, have_gcc

CASES = cases()


def _settings(data: bytes) -> Settings:
    m = re.search(rb"devmify-options: (.*)", data)
    if m is None:
        return Settings()
    args = cli.build_parser().parse_args(m.group(1).decode().split("*/")[0].split() + ["x.c"])
    return cli.flags(args).over(Settings())


def analyse_bytes(path, data):
    return pipeline.analyse_bytes(path, data, _settings(data))


def _expected(path):
    res = path.with_suffix(".res")
    return res.read_bytes() if res.exists() else path.read_bytes()


def _drivers(result):
    report = json.loads(output.json_report([output.file_entry(result)], int(result.changed)))
    drivers = report["files"][0]["drivers"]
    for d in drivers:
        for r in d["refusals"]:
            r.pop("message")
    return drivers


@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_output(path):
    result = analyse_bytes(case_id(path) + ".c", path.read_bytes())
    assert not result.errors
    assert result.converted.decode("utf-8", "surrogateescape") == \
        _expected(path).decode("utf-8", "surrogateescape")


@pytest.mark.parametrize("path", [p for p in CASES if p.with_suffix(".json").exists()], ids=case_id)
def test_report(path):
    result = analyse_bytes(case_id(path) + ".c", path.read_bytes())
    assert _drivers(result) == json.loads(path.with_suffix(".json").read_text())


@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_idempotent(path):
    once = analyse_bytes("x.c", path.read_bytes()).converted
    again = analyse_bytes("x.c", once)
    assert again.converted == once


@pytest.mark.skipif(not have_gcc(), reason="gcc is not installed")
@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_compiles_without_new_warnings(path):
    before = gcc_warnings(path.read_bytes())
    after = gcc_warnings(_expected(path))
    assert [w for w in after if w not in before] == []


def _hostile(data: bytes) -> bytes:
    """The same driver with CRLF line ends and a Latin-1 comment that is not UTF-8."""
    return data.replace(b"\n", b"\r\n") + b"/* Copyright J\xf6rg M\xfcller \xff */\r\n"


@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_crlf_and_non_utf8_bytes_round_trip(path):
    result = analyse_bytes("x.c", _hostile(path.read_bytes()))
    assert result.converted == _hostile(_expected(path))
