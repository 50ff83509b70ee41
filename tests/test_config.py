"""Configuration: finding the file, precedence, exclude, what cannot be configured,
errors, --show-config, and runs whose result a configuration changes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from devmify import config, pipeline
from devmify.cli import EXIT_OK, EXIT_USAGE, main
from golden import run
from devmify.config import CLASSES, KINDS, Layer, Settings

HERE = Path(__file__).parent
FINDINGS = HERE / "cases" / "findings"




def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path




def found(paths, cwd) -> str | None:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return config.load(paths, None, False).file
    finally:
        os.chdir(old)


def real(path: Path) -> str:
    return os.path.realpath(path)


# Finding the file

def test_the_file_is_found_walking_up_from_the_paths(tree):
    own = write(tree / ".devmify.toml", "")
    assert found(["drivers/input/tapkey.c"], tree) == real(own)
    assert found(["."], tree / "drivers" / "input") == real(own)
    assert found([], tree / "drivers" / "usb") == real(own)  # no path: the current directory


def test_the_common_directory_of_the_paths_is_where_the_walk_starts(tree):
    write(tree / "drivers" / "input" / ".devmify.toml", "")
    top = write(tree / ".devmify.toml", "")
    assert found(["drivers/input", "drivers/usb/padport.c"], tree) == real(top)
    assert found(["drivers/input/tapkey.c"], tree) == real(tree / "drivers" / "input" / ".devmify.toml")


def test_devmify_toml_wins_over_pyproject_in_the_same_directory(tree):
    write(tree / "pyproject.toml", "[tool.devmify]\npolicy = \"all-or-nothing\"\n")
    own = write(tree / ".devmify.toml", "")
    assert found(["drivers"], tree) == real(own)


def test_a_pyproject_without_tool_devmify_is_passed_over(tree):
    write(tree / "drivers" / "pyproject.toml", "[tool.black]\nline-length = 100\n")
    project = write(tree / "pyproject.toml", "[tool.devmify]\n")
    assert found(["drivers/misc"], tree) == real(project)
    assert found(["drivers/misc"], tree / "drivers") == real(project)


def test_config_names_the_file_and_no_config_reads_none(tree, capsys):
    write(tree / ".devmify.toml", 'apis = ["memory"]\n')
    other = write(tree / "elsewhere" / "mine.toml", 'policy = "all-or-nothing"\n')
    assert config.load(["drivers"], str(other), False).top == Layer(policy="all-or-nothing")
    assert config.load(["drivers"], None, True) == config.Config()
    code, out, _ = run(["--show-config", "--config", "elsewhere/mine.toml"], tree, capsys)
    assert code == EXIT_OK and out.startswith("# configuration file: elsewhere/mine.toml\n")
    code, out, _ = run(["--show-config", "--no-config", "drivers"], tree, capsys)
    assert code == EXIT_OK and out.startswith("# configuration file: none (built-in defaults)\n")
    code, _, err = run(["--config", "x.toml", "--no-config", "drivers"], tree, capsys)
    assert code == EXIT_USAGE and "not allowed with argument" in err


def test_config_naming_a_pyproject_without_the_table_is_an_error(tree, capsys):
    write(tree / "pyproject.toml", "[project]\nname = \"x\"\n")
    code, out, err = run(["--config", "pyproject.toml", "drivers"], tree, capsys)
    assert (code, out, err) == (EXIT_USAGE, "", "devmify: pyproject.toml: no [tool.devmify] table\n")


# Precedence: built-in default < file top level < [paths] tables in order < command line

PRECEDENCE = """\
policy = "all-or-nothing"
rules = ["double-release"]

[paths."drivers/**"]
apis = ["memory"]

[paths."drivers/input/**"]
apis = ["irq", "memory"]
policy = "prefix"
"""


def test_precedence_default_file_tables_in_order_then_command_line(tree):
    write(tree / ".devmify.toml", PRECEDENCE)
    conf = config.load([str(tree)], None, False)
    drivers, inp = tree / "drivers", tree / "drivers" / "input" / "tapkey.c"
    write(tree / "lib" / "x.c", "")
    assert conf.settings_for(str(tree / "lib" / "x.c")) == \
        Settings("all-or-nothing", CLASSES, frozenset({"double-release"}))
    assert conf.settings_for(str(drivers / "misc" / "blinky.c")) == \
        Settings("all-or-nothing", frozenset({"memory"}), frozenset({"double-release"}))
    assert conf.settings_for(str(inp)) == \
        Settings("prefix", frozenset({"irq", "memory"}), frozenset({"double-release"}))
    flagged = conf.with_flags(Layer(policy="all-or-nothing", classes=frozenset({"clock"})), [])
    assert flagged.settings_for(str(inp)) == \
        Settings("all-or-nothing", frozenset({"clock"}), frozenset({"double-release"}))
    assert config.Config().settings_for(str(inp)) == Settings("prefix", CLASSES, KINDS)


def test_a_symlinked_path_is_matched_by_its_real_path(tree):
    write(tree / ".devmify.toml", '[paths."drivers/input/**"]\npolicy = "all-or-nothing"\n')
    (tree / "drivers" / "link.c").symlink_to(tree / "drivers" / "input" / "tapkey.c")
    conf = config.load([str(tree / "drivers")], None, False)
    assert conf.settings_for(str(tree / "drivers" / "link.c")).policy == "all-or-nothing"


# exclude

@pytest.mark.parametrize("glob, path, matches", [
    ("drivers/staging", "drivers/staging/a/b.c", True),          # a directory: all under it
    ("drivers/staging", "drivers/stagingx/b.c", False),
    ("drivers/*.c", "drivers/a.c", True),
    ("drivers/*.c", "drivers/net/a.c", False),                   # * stays within one name
    ("drivers/**/a.c", "drivers/a.c", True),                     # ** : zero directories
    ("drivers/**/a.c", "drivers/net/wireless/a.c", True),        # ... or several
    ("drivers/**/a.c", "sound/a.c", False),
    ("**/*_test.c", "drivers/net/x_test.c", True),
    ("**/test", "drivers/net/test/y.c", True),                   # a directory of that name
    ("drivers/?.c", "drivers/ab.c", False),
    ("drivers/?.c", "drivers/a.c", True),
    ("drivers/input/**", "drivers/input/misc/x.c", True),
    ("drivers/input/**", "drivers/inputs/x.c", False),
    ("./drivers/staging/", "drivers/staging/b.c", True),         # ./ and a trailing / go
])
def test_globs(tmp_path, glob, path, matches):
    base = os.path.realpath(tmp_path)
    assert config.Pattern(glob, base, "test").matches(os.path.join(base, path)) == matches


def test_a_file_outside_the_configuration_directory_matches_no_pattern(tmp_path):
    base = os.path.realpath(tmp_path / "tree")
    assert not config.Pattern("**", base, "test").matches(os.path.realpath(tmp_path / "other" / "x.c"))
    assert config.Pattern("**", base, "test").matches(os.path.join(base, "x.c"))


def test_excluded_files_are_never_read(tree, capsys):
    os.mkfifo(tree / "drivers" / "misc" / "pipe.c")  # reading it is an error (5): never opened
    code, _, err = run(["--format", "json", "drivers"], tree, capsys)
    assert code == 5 and "pipe.c" in err
    write(tree / ".devmify.toml", 'exclude = ["**/pipe.c", "drivers/usb"]\n')
    code, out, err = run(["--format", "json", "drivers"], tree, capsys)
    paths = [f["path"] for f in json.loads(out)["files"]]
    assert (code, err) == (EXIT_OK, "")
    assert paths == ["drivers/i2c/thermo.c", "drivers/input/tapkey.c", "drivers/misc/blinky.c"]


def test_a_directory_whose_files_are_all_excluded_is_not_an_empty_directory(tree, capsys):
    write(tree / ".devmify.toml", 'exclude = ["drivers/usb/*.c"]\n')
    code, out, err = run(["drivers/usb"], tree, capsys)
    assert (code, out, err) == (EXIT_OK, "", "")


def test_an_excluded_file_named_on_the_command_line_is_not_read_and_says_so(tree, capsys):
    write(tree / ".devmify.toml", 'exclude = ["drivers/misc"]\n')
    code, out, err = run(["drivers/misc/blinky.c", "drivers/usb/padport.c"], tree, capsys)
    assert code == EXIT_OK
    assert err == (f"devmify: drivers/misc/blinky.c: not read: excluded by 'drivers/misc' "
                   f"({real(tree / '.devmify.toml')})\n")
    assert "blinky" not in out and "+++ b/drivers/usb/padport.c" in out


def test_exclude_on_the_command_line_is_relative_to_the_current_directory(tree, capsys):
    write(tree / ".devmify.toml", 'exclude = ["drivers/usb"]\n')
    code, out, _ = run(["--format", "json", "--exclude", "misc", "."], tree / "drivers", capsys)
    assert code == EXIT_OK
    assert [f["path"] for f in json.loads(out)["files"]] == ["i2c/thermo.c", "input/tapkey.c"]


# What cannot be configured, and errors

@pytest.mark.parametrize("name", ["DV019", "dv001", "order"])
def test_a_safety_rule_in_rules_is_refused_with_the_reason(tree, capsys, name):
    write(tree / ".devmify.toml", f'rules = ["error-path-leak", "{name}"]\n')
    code, out, err = run(["drivers"], tree, capsys)
    assert code == EXIT_USAGE and out == "" and len(err.splitlines()) == 1
    assert err.startswith(f"devmify: {real(tree / '.devmify.toml')}: rules: ")
    assert "is a safety rule, and safety rules cannot be switched off" in err
    assert "to leave files alone, list them in `exclude`" in err


def test_a_safety_rule_on_the_command_line_is_refused_too(tree, capsys):
    code, out, err = run(["--rules", "DV009", "drivers"], tree, capsys)
    assert code == EXIT_USAGE and out == ""
    assert "argument --rules: DV009 (policy) is a safety rule" in err


@pytest.mark.parametrize("name, text, what", [
    (".devmify.toml", 'polcy = "prefix"\n',
     "unknown key polcy (keys: apis, exclude, paths, policy, rules)"),
    (".devmify.toml", 'apis = ["memory", "irqs"]\n', "apis: unknown resource class \"irqs\""),
    (".devmify.toml", 'rules = ["leak"]\n', "rules: unknown finding kind \"leak\""),
    (".devmify.toml", 'policy = "some"\n', 'policy: must be one of "prefix", "all-or-nothing", not "some"'),
    (".devmify.toml", 'apis = "memory"\n', 'apis: must be a list of strings, not "memory"'),
    (".devmify.toml", 'exclude = ["/abs/x.c"]\n', 'exclude: "/abs/x.c" is not a glob relative to'),
    (".devmify.toml", 'exclude = ["../x.c"]\n', 'exclude: "../x.c" is not a glob relative to'),
    (".devmify.toml", '[paths."drivers/**"]\nexclude = ["x"]\n',
     'unknown key paths."drivers/**".exclude (keys: apis, policy, rules)'),
    (".devmify.toml", '[paths."drivers/**"]\napis = ["nope"]\n', 'paths."drivers/**".apis: unknown resource class'),
    (".devmify.toml", 'paths = 3\n', "paths: must hold tables"),
    (".devmify.toml", 'policy = \n', "not valid TOML: "),
    ("pyproject.toml", '[tool.devmify]\nrule = []\n', "unknown key tool.devmify.rule"),
    ("pyproject.toml", '[tool.devmify]\npolicy = 1\n', "tool.devmify.policy: must be one of"),
    ("pyproject.toml", '[tool]\ndevmify = 1\n', "tool.devmify must be a table"),
])
def test_a_bad_configuration_is_one_line_and_exit_2_before_anything_is_read(tree, capsys, name, text, what):
    target = write(tree / name, text)
    code, out, err = run(["--format", "json", "drivers"], tree, capsys)
    assert (code, out) == (EXIT_USAGE, "")
    assert err.startswith(f"devmify: {real(target)}: ") and what in err and err.count("\n") == 1


@pytest.mark.parametrize("args, what", [
    (["--apis", "memory,dma,irqs"], 'argument --apis: unknown resource class "irqs"'),
    (["--rules", "leaks"], 'argument --rules: unknown finding kind "leaks"'),
    (["--exclude", "/abs"], 'argument --exclude: "/abs" is not a glob'),
])
def test_bad_flags_are_usage_errors(tree, capsys, args, what):
    code, out, err = run(args + ["drivers"], tree, capsys)
    assert (code, out) == (EXIT_USAGE, "") and what in err


# --show-config

def test_show_config_prints_the_file_the_settings_and_the_tables(tree, capsys):
    write(tree / "pyproject.toml", '[tool.devmify]\nexclude = ["drivers/staging"]\n'
          + PRECEDENCE.replace("[paths.", "[tool.devmify.paths."))
    code, out, err = run(["--show-config", "--rules", "error-path-leak", "--exclude", "x/**", "drivers"],
                         tree, capsys)
    file, base = real(tree / "pyproject.toml"), real(tree)
    everything = ", ".join(f'"{c}"' for c in sorted(CLASSES))
    assert (code, err) == (EXIT_OK, "")
    assert out == f"""\
# configuration file: {file}
# from the command line, for every path: rules
policy = "all-or-nothing"
apis = [{everything}]
rules = ["error-path-leak"]
exclude = [
    "drivers/staging",  # {file}, relative to {base}
    "x/**",  # --exclude, relative to {base}
]

[paths."drivers/**"]
apis = ["memory"]

[paths."drivers/input/**"]
policy = "prefix"
apis = ["irq", "memory"]
"""


def test_show_config_marks_what_the_command_line_overrides(tree, capsys):
    write(tree / ".devmify.toml", '[paths."drivers/input/**"]\npolicy = "all-or-nothing"\n')
    code, out, _ = run(["--show-config", "--policy", "prefix"], tree, capsys)
    assert code == EXIT_OK
    assert 'policy = "all-or-nothing"  # overridden by the command line\n' in out
    assert out.splitlines()[2] == 'policy = "prefix"'


# Runs a configuration changes

def _json(tree, capsys, *args):
    code, out, err = run(["--format", "json", *args, "drivers"], tree, capsys)
    assert (code, err) == (EXIT_OK, "")
    return {f["path"]: f["drivers"] for f in json.loads(out)["files"]}


def test_a_configuration_changes_what_is_converted_end_to_end(tree, capsys):
    before = _json(tree, capsys)
    tapkey = before["drivers/input/tapkey.c"][0]
    assert {c["class"] for c in tapkey["conversions"]} > {"memory"}  # more than memory by default
    write(tree / ".devmify.toml", '[paths."drivers/input/**"]\napis = ["memory"]\n')
    after = _json(tree, capsys)
    tapkey = after["drivers/input/tapkey.c"][0]
    assert [c["from"] for c in tapkey["conversions"]] == ["kzalloc"]
    refused = {r["api"]: r["rule"] for r in tapkey["refusals"]}
    assert refused["request_irq"] == refused["clk_get"] == refused["input_allocate_device"] == "DV023"
    assert after["drivers/misc/blinky.c"] == before["drivers/misc/blinky.c"]  # not under the glob
    assert _json(tree, capsys, "--apis", "memory,irq,region,iomem,regulator,clock,registration") == before
    assert _json(tree, capsys, "--no-config") == before


def test_policy_on_the_command_line_overrides_a_per_path_table(tree, capsys):
    write(tree / ".devmify.toml", '[paths."drivers/input/**"]\npolicy = "all-or-nothing"\napis = ["memory"]\n')
    strict = _json(tree, capsys)["drivers/input/tapkey.c"][0]
    assert strict["conversions"] == [] and strict["refusals"][0]["rule"] == "DV009"
    loose = _json(tree, capsys, "--policy", "prefix")["drivers/input/tapkey.c"][0]
    assert [c["from"] for c in loose["conversions"]] == ["kzalloc"]


def test_check_honours_exclude_and_rules(tree, capsys):
    for case in ("leak_clk_enable_on_error.c", "managed_release_kfree.c"):
        shutil.copy(FINDINGS / case, tree / "drivers" / "misc" / case)
    code, out, _ = run(["check", "drivers/misc"], tree, capsys)
    assert code == EXIT_OK and [line.rsplit(" ", 1)[1] for line in out.splitlines()] == \
        ["[error-path-leak]", "[managed-release]"]
    write(tree / ".devmify.toml", 'rules = ["managed-release"]\n')
    code, out, _ = run(["check", "drivers/misc"], tree, capsys)
    assert code == EXIT_OK and out.splitlines()[0].endswith("[managed-release]") and len(out.splitlines()) == 1
    code, out, _ = run(["check", "--exclude", "drivers/misc/managed*", "drivers/misc"], tree, capsys)
    assert (code, out) == (EXIT_OK, "")
    code, out, _ = run(["check", "--rules", "error-path-leak", "drivers/misc"], tree, capsys)
    assert len(out.splitlines()) == 1 and out.endswith("[error-path-leak]\n")


def test_finding_kinds_switched_off_still_guard_the_output(monkeypatch):
    """Only the report loses them: the verified-output check (DV015) compares every kind,
    and a bug the patch fixes is not noted when its kind is not reported."""
    data = (FINDINGS / "leak_clk_enable_on_error.c").read_bytes()
    compared = []
    original = pipeline._compare_findings

    def spy(plans, *args):
        compared.extend(f.kind for p in plans for f in p.findings)
        return original(plans, *args)

    monkeypatch.setattr(pipeline, "_compare_findings", spy)
    quiet = pipeline.analyse_bytes("x.c", data, Settings(kinds=frozenset()))
    assert compared == ["error-path-leak"]
    assert quiet.changed and [f for p in quiet.plans for f in p.findings] == []
    assert not any("fixes a bug" in n for p in quiet.plans for ns in p.notes.values() for n in ns)
    loud = pipeline.analyse_bytes("x.c", data)
    assert any("fixes a bug" in n for p in loud.plans for ns in p.notes.values() for n in ns)
    assert loud.converted == quiet.converted


def test_class_off_is_explained(capsys):
    assert main(["explain", "class-off"]) == EXIT_OK
    text = capsys.readouterr().out
    assert text.startswith("DV023 class-off:") and "Why it matters" in text
    assert main(["rules"]) == EXIT_OK
    assert "DV023  class-off" in capsys.readouterr().out


def test_a_class_switched_off_is_the_reason_even_where_another_rule_refuses(tree, capsys):
    """DV023 is asked first: padport's serio, refused for its ownership (DV003) by
    default, is refused because memory is switched off."""
    default = _json(tree, capsys)["drivers/usb/padport.c"][0]
    assert {r["target"]: r["rule"] for r in default["refusals"]} == {"serio": "DV003"}
    off = _json(tree, capsys, "--apis", "irq")["drivers/usb/padport.c"][0]
    assert {r["target"]: r["rule"] for r in off["refusals"]} == {"pp": "DV023", "serio": "DV023"}
