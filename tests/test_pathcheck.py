"""The path checker on generated goto ladders: balanced ones are silent, each release
taken out is exactly one leak, and a function with more paths than the budget ends."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from devmify import catalogue, findings, pathcheck
from devmify.drivers import find_drivers
from devmify.resources import DriverModel
from devmify.source import SourceFile

# (acquisition statement, its failure test, its release, API, target) on fields of p
KINDS = {
    "clk": ("ret = clk_prepare_enable(p->c{i});", "if (ret)", "clk_disable_unprepare(p->c{i});",
            "clk_prepare_enable", "p->c{i}"),
    "mem": ("p->m{i} = kzalloc(16, GFP_KERNEL);", "if (!p->m{i})", "kfree(p->m{i});",
            "kzalloc", "p->m{i}"),
    "irq": ("ret = request_irq(p->q{i}, isr, 0, \"x\", p);", "if (ret)", "free_irq(p->q{i}, p);",
            "request_irq", "p->q{i}"),
}


def driver(kinds: list[str], dropped: int | None, early: bool) -> str:
    """A probe acquiring ``kinds`` in order with a goto ladder; the release at index
    ``dropped`` is left out of the ladder; ``early`` adds a plain `return -EINVAL`
    after the first acquisition instead of a goto (a leak when anything is held)."""
    body, ladder = [], []
    for i, k in enumerate(kinds):
        acq, test, rel = (s.format(i=i) for s in KINDS[k][:3])
        body += [f"\t{acq}", f"\t{test} {{ ret = -ENOMEM; goto err{i}; }}"]
        if early and i == 0:
            body += ["\tif (p->flags) return -EINVAL;"]
        ladder.insert(0, f"err{i + 1}:" + ("" if i == dropped else f"\n\t{rel}"))
    body += ["\tif (p->flags & 2) { ret = -EIO; goto err%d; }" % len(kinds)]
    fields = "".join(f"\tstruct clk *c{i};\n\tvoid *m{i};\n\tint q{i};\n" for i in range(len(kinds)))
    removes = "\n".join("\t" + KINDS[k][2].format(i=i) for i, k in reversed(list(enumerate(kinds))))
    return f"""
struct pr {{
{fields}\tint flags;
}};
static irqreturn_t isr(int irq, void *d) {{ return IRQ_HANDLED; }}
static int x_probe(struct platform_device *pdev)
{{
\tstruct pr *p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
\tint ret;

\tif (!p) return -ENOMEM;
{chr(10).join(body)}
\tplatform_set_drvdata(pdev, p);
\treturn 0;
{chr(10).join(ladder)}
err0:
\treturn ret;
}}
static int x_remove(struct platform_device *pdev)
{{
\tstruct pr *p = platform_get_drvdata(pdev);
{removes}
\treturn 0;
}}
static struct platform_driver x_driver = {{ .probe = x_probe, .remove = x_remove }};
module_platform_driver(x_driver);
"""


def found(code: str) -> list:
    src = SourceFile.from_bytes("x.c", code.encode())
    model = DriverModel(src, find_drivers(src)[0])
    return findings.find(model, model.releases(catalogue.release_args()))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(sorted(KINDS)), min_size=1, max_size=5))
def test_a_balanced_ladder_has_no_finding(kinds):
    assert found(driver(kinds, None, False)) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(sorted(KINDS)), min_size=2, max_size=5), st.data())
def test_each_release_left_out_of_the_ladder_is_one_leak(kinds, data):
    dropped = data.draw(st.integers(0, len(kinds) - 2))  # the last has no later failure
    out = found(driver(kinds, dropped, False))
    api, target = KINDS[kinds[dropped]][3:]
    assert {(f.kind, f.call, f.target) for f in out} == \
        {("error-path-leak", api, target.format(i=dropped))}


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(sorted(KINDS)), min_size=1, max_size=4))
def test_a_plain_return_after_the_first_acquisition_leaks_it(kinds):
    out = found(driver(kinds, None, True))
    assert [f.kind for f in out] == ["error-path-leak"]
    assert out[0].line == driver(kinds, None, True).splitlines().index("\tif (p->flags) return -EINVAL;") + 1


def _tests(n: int, again: bool) -> str:
    """A probe that allocates p->buf and fails without freeing it, after ``n`` tests
    of registers (each path takes its own combination of them), tested ``again``
    further down."""
    steps = "\n".join(f"\tif (readl(p->base + {i})) p->n++;" for i in range(n))
    later = "\n".join(f"\tif (readl(p->base + {i})) p->n--;" for i in range(n)) if again else ""
    return f"""
struct pb {{ void __iomem *base; void *buf; int n; }};
static int y_probe(struct platform_device *pdev)
{{
\tstruct pb *p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);

\tif (!p) return -ENOMEM;
\tp->buf = kzalloc(16, GFP_KERNEL);
{steps}
{later}
\tif (p->n > {n // 2})
\t\treturn -EIO;
\treturn 0;
}}
static struct platform_driver y_driver = {{ .probe = y_probe }};
module_platform_driver(y_driver);
"""


def _walk(code: str) -> pathcheck.Walk:
    src = SourceFile.from_bytes("y.c", code.encode())
    model = DriverModel(src, find_drivers(src)[0])
    return pathcheck.Walk(model, model.releases(catalogue.release_args()))


def test_more_paths_than_the_budget_ends_with_no_path_finding():
    """40 tests each read again later: 2**40 states that differ in what a later test
    reads, so none may be forgotten: the walk ends at its budget, silent."""
    code = _tests(40, again=True)
    walk = _walk(code)
    try:
        walk.run()
        raise AssertionError("2**40 paths walked within the budget")
    except pathcheck.OverBudget:
        assert walk.steps == pathcheck.STEP_BUDGET + 1
    assert found(code) == []


def test_tests_nothing_reads_again_are_forgotten_and_the_walk_ends():
    """The same 40 tests, never repeated: once past a test, what it showed is read by
    nothing, the 2**40 paths meet as one, and the leak of p->buf is found (the walk
    ran out of budget on such drivers before facts were forgotten: e1000, igbvf)."""
    walk = _walk(_tests(40, again=False))
    walk.run()
    assert walk.steps < 1000
    assert [(f.kind, f.target) for f in found(_tests(40, again=False))] == [("error-path-leak", "p->buf")]
