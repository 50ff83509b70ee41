"""devmify.macros: each normalisation makes a kernel construct parse, keeps offsets and
line ends, and leaves the nearest ordinary C alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devmify.macros import normalise
from devmify.source import parse_bytes


def has_error(data: bytes) -> bool:
    return parse_bytes(data).root_node.has_error


def line_ends(data: bytes) -> list[tuple[int, int]]:
    return [(i, c) for i, c in enumerate(data) if c in b"\r\n"]


def check_shape(raw: bytes, out: bytes) -> None:
    assert len(out) == len(raw)
    assert line_ends(out) == line_ends(raw)


# (name, snippet): the raw snippet does not parse, the normalised one does.
FIXED = [
    ("annotation",
     b"static int __init foo_init(void)\n{\n\treturn 0;\n}\n"),
    ("annotation with arguments",
     b"void f(void)\n{\n\tstruct buf *b __free(kfree) = NULL;\n}\n"),
    ("ifdef in initialiser",
     b"static const struct file_operations fops = {\n\t.open = f_open,\n"
     b"#ifdef CONFIG_COMPAT\n\t.compat_ioctl = f_compat,\n#endif\n\t.release = f_release,\n};\n"),
    ("ifdef in arguments",
     b"void f(void)\n{\n\tg(a,\n#ifdef CONFIG_X\n\t  b,\n#endif\n\t  c);\n}\n"),
    ("comment inside define",
     b"#define WIDTH (8 /* head */ + 16)\nint w = WIDTH;\n"),
    ("named variadic parameter",
     b"#define dbg(fmt, arg...) printk(fmt, ##arg)\nint x;\n"),
    ("else cut by endif",
     b"void f(int a)\n{\n#ifdef CONFIG_X\n\tif (a) {\n\t\tg();\n\t} else\n#endif\n"
     b"\t\th();\n}\n"),
    ("if cut by ifdef",
     b"void f(int a)\n{\n\tif (a)\n#ifdef CONFIG_X\n\t\tg();\n#else\n\t\th();\n#endif\n"
     b"\tk();\n}\n"),
    ("label cut by if",
     b"int f(void)\n{\n\tg();\nout:\n#if IS_ENABLED(CONFIG_X)\n\th();\n#endif\n\treturn 0;\n}\n"),
    ("for_each iterator",
     b"void f(void)\n{\n\tint i;\n\n\tfor_each_set_bit(i, map, 8)\n\t\tg(i);\n}\n"),
    ("list iterator with a block",
     b"void f(void)\n{\n\tlist_for_each_entry_safe(p, n, &head, node) {\n\t\tg(p);\n\t}\n}\n"),
    ("top-level declarator macro",
     b"static SIMPLE_DEV_PM_OPS(foo_pm, foo_suspend, foo_resume);\nint x;\n"),
    ("top-level function generator",
     b"GEN_RX_BUF(u8)\nGEN_RX_BUF(u16)\n\nint x;\n"),
    ("field macro",
     b"struct priv {\n\tint a;\n\tDECLARE_BITMAP(mask, 64);\n};\n"),
    ("anonymous bit-field",
     b"struct regs {\n\tu8 a:4;\n\tu8 :4;\n};\n"),
    ("initialiser macros without commas",
     b"static const struct dev_pm_ops pm = {\n\tSET_SYSTEM_SLEEP_PM_OPS(s, r)\n"
     b"\tSET_RUNTIME_PM_OPS(rs, rr, NULL)\n};\n"),
    ("static declarator macro in a function",
     b"void f(void)\n{\n\tstatic DEFINE_RATELIMIT_STATE(rs, 5 * HZ, 10);\n\tg(&rs);\n}\n"),
    ("log level before a macro",
     b"void f(void)\n{\n\tprintk(KERN_ERR PFX \"failed\\n\");\n}\n"),
    ("struct type argument",
     b"void f(struct work_struct *w)\n{\n"
     b"\tstruct foo *p = container_of(w, struct foo, work);\n}\n"),
    ("keyword type argument",
     b"void f(void)\n{\n\tn = min_t(unsigned long, a, b);\n}\n"),
    ("case range",
     b"int f(int a)\n{\n\tswitch (a) {\n\tcase 1 ... 3:\n\t\treturn 1;\n\t}\n\treturn 0;\n}\n"),
]


@pytest.mark.parametrize("raw", [s for _, s in FIXED], ids=[n for n, _ in FIXED])
def test_normalisation_makes_snippet_parse(raw):
    assert has_error(raw), "the raw snippet should not parse, or the test proves nothing"
    out = normalise(raw)
    check_shape(raw, out)
    assert not has_error(out), out.decode()


@pytest.mark.parametrize("raw", [s for _, s in FIXED], ids=[n for n, _ in FIXED])
def test_normalisation_keeps_crlf(raw):
    crlf = raw.replace(b"\n", b"\r\n")
    out = normalise(crlf)
    check_shape(crlf, out)
    assert out == normalise(raw).replace(b"\n", b"\r\n")


# (name, snippet): ordinary C next to a handled construct; normalise leaves it as it is.
UNTOUCHED = [
    ("identifier containing an annotation",
     b"int __initial = 1;\nint f(int __init_done);\n"),
    ("call whose name starts with an annotation",
     b"void f(void)\n{\n\t__freeze(x);\n}\n"),
    ("iterator call followed by ;",
     b"void f(void)\n{\n\tlist_for_each_entry(p, &head, node);\n\tg();\n}\n"),
    ("iterator-named function used in a condition",
     b"void f(void)\n{\n\tif (bus_for_each_dev(b, NULL, d, fn))\n\t\treturn;\n}\n"),
    ("function definition named like an iterator",
     b"int foo_for_each(int (*fn)(int))\n{\n\treturn fn(0);\n}\n"),
    ("ifdef between statements",
     b"void f(void)\n{\n\tg();\n#ifdef CONFIG_X\n\th();\n#else\n\tk();\n#endif\n}\n"),
    ("ifdef after case labels",
     b"int f(int a)\n{\n\tswitch (a) {\n\tcase 1:\n#ifdef CONFIG_X\n\t\tg();\n#endif\n"
     b"\t\treturn 1;\n\tdefault:\n#ifdef CONFIG_Y\n\t\th();\n#endif\n\t\treturn 2;\n\t}\n}\n"),
    ("ifdef between fields",
     b"struct s {\n\tint a;\n#ifdef CONFIG_X\n\tint b;\n#endif\n};\n"),
    ("trailing comment in define",
     b"#define A\t/* nothing */\n#define B 1 /* one */\nint x;\n"),
    ("unnamed variadic parameter",
     b"#define dbg(fmt, ...) printk(fmt, ##__VA_ARGS__)\nint x;\n"),
    ("lower-case top-level registration",
     b"module_platform_driver(foo_driver);\nmodule_init(foo_init);\n"),
    ("upper-case macro opening a function",
     b"static int\nFOO_SHOW(int a)\n{\n\treturn a;\n}\n"),
    ("single-argument field macro",
     b"struct s {\n\tint a;\n\tFOO(b);\n};\n"),
    ("named bit-field",
     b"struct regs {\n\tu8 a:4;\n\tunsigned int b : 4;\n};\n"),
    ("last initialiser macro",
     b"static const struct dev_pm_ops pm = {\n\tSET_RUNTIME_PM_OPS(rs, rr, NULL)\n};\n"),
    ("static variable in a function",
     b"void f(void)\n{\n\tstatic int x = FOO(1);\n}\n"),
    ("log level as an argument",
     b"void f(void)\n{\n\tdev_printk(KERN_ERR, dev, \"x\\n\");\n}\n"),
    ("types in sizeof, offsetof, casts and prototypes",
     b"int foo(unsigned long, int);\nvoid f(void)\n{\n\tn = sizeof(struct foo) +"
     b" offsetof(struct foo, m) + (unsigned long)p + min_t(u32, a, b);\n}\n"),
    ("plain case and range designator",
     b"int t[8] = { [0 ... 3] = 1 };\nint f(int a)\n{\n\tswitch (a) {\n\tcase 1:\n"
     b"\t\treturn 1;\n\t}\n\treturn 0;\n}\n"),
    ("annotation names inside comments and strings",
     b"/* __init container_of(p, struct foo, m) */\nconst char *s = \"KERN_ERR PFX __init\";\n"),
]


@pytest.mark.parametrize("raw", [s for _, s in UNTOUCHED], ids=[n for n, _ in UNTOUCHED])
def test_nearest_case_untouched(raw):
    assert not has_error(raw)
    assert normalise(raw) == raw


def test_each_rewrite_keeps_offsets_of_the_rest():
    raw = b"void f(void)\n{\n\tfor_each_sg(sgl, sg, n, i) {\n\t\tg(sg);\n\t}\n}\n"
    out = normalise(raw)
    assert out == raw.replace(b"for_each_sg", b"while      ")


def test_annotation_in_ifdefd_initialiser_blanks_whole_directive_lines():
    raw = b"static int t[] = {\n#if defined(A) && \\\n    defined(B)\n\t1,\n#endif\n};\n"
    out = normalise(raw)
    check_shape(raw, out)
    assert out.split(b"\n")[1].strip() == b"" and out.split(b"\n")[2].strip() == b""
    assert not has_error(out)


# C-like text that reaches the scanner's corners: comments, literals, directives,
# line continuations, nesting, and the macro names the rewrites look for.
_FRAGMENTS = st.sampled_from([
    b"{", b"}", b"(", b")", b";", b",", b"=", b".", b"...", b":", b"*", b"\\", b"\n", b"\r\n",
    b"\r", b" ", b"\t", b"#", b"#if X\n", b"#else\n", b"#endif\n", b"#define D(a, b...) ",
    b"/*", b"*/", b"//", b"\"", b"'", b"struct", b"union", b"enum", b"unsigned", b"long",
    b"static", b"case", b"else", b"if", b"for_each_x", b"list_for_each_entry", b"KERN_ERR",
    b"container_of", b"min_t", b"SET_PM_OPS", b"DECLARE_BITMAP", b"__init", b"__free",
    b"__aligned", b"u8", b"x", b"1",
])
_C_LIKE = st.lists(_FRAGMENTS, max_size=60).map(b"".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=400), _C_LIKE))
def test_normalise_keeps_length_and_line_ends(data):
    out = normalise(data)
    assert len(out) == len(data)
    assert [i for i, c in enumerate(out) if c == 0x0A] == \
        [i for i, c in enumerate(data) if c == 0x0A]
    assert [i for i, c in enumerate(out) if c == 0x0D] == \
        [i for i, c in enumerate(data) if c == 0x0D]
