"""The pipeline's own safety net (DV015): a rewrite that fails its checks emits nothing."""

from __future__ import annotations

from pathlib import Path

from devmify import pipeline

CASE = Path(__file__).parent / "cases" / "buses" / "platform_ladder.c"


def test_a_rewrite_that_parses_worse_is_refused_and_nothing_is_emitted(monkeypatch):
    raw = CASE.read_bytes()
    assert pipeline.analyse_bytes("x.c", raw).changed
    # the original parses clean, the rewrite "does not"
    monkeypatch.setattr(pipeline, "error_count", lambda data: 0 if data == raw else 1)
    result = pipeline.analyse_bytes("x.c", raw)
    assert not result.changed and result.converted == raw
    rules = {r.rule for p in result.plans for r in p.refusals}
    assert rules == {"DV015"}
    assert all(not p.conversions and not p.removed for p in result.plans)


def test_error_count_counts_error_and_missing_nodes():
    assert pipeline.error_count(b"int f(void) { return 0; }\n") == 0
    assert pipeline.error_count(b"int f(void) { return 0 }\n") >= 1
