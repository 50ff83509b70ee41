"""Byte-preserving normalisation of kernel macros for tree-sitter-c.

tree-sitter-c knows C, not the kernel's macro dialect.  Every rewrite here keeps the
length of the text it touches and every ``\\r`` and ``\\n`` where it is, so an offset or
a line number in the normalised bytes is the same in the original file and edits
computed on the parse apply to the original bytes.  A rewrite only turns bytes into
spaces, or an identifier into a keyword padded with spaces to the same length.

Rewrites, in the order :func:`normalise` applies them:

* annotations (``__init``, ``__iomem``, ``__maybe_unused``, ...) become spaces;
* annotations with arguments (``__aligned(8)``, ``__acquires(lock)``,
  ``__free(kfree)``) become spaces;
* preprocessor lines inside an initialiser list or inside parentheses
  (``.compat_ioctl = f,`` under ``#ifdef CONFIG_COMPAT``) become spaces, so every
  branch stays visible as plain entries: tree-sitter-c only knows ``#if`` between
  statements, declarations, fields and enumerators;
* comments followed by more text inside ``#define`` lines become spaces (C reads a
  comment as a space, tree-sitter-c's macro-body token stops at one);
* named variadic macro parameters (``#define dbg(fmt, arg...)``) lose the name:
  ``#define dbg(fmt,    ...)``;
* an ``#if`` group inside a function that cuts a statement in two (``} else`` just
  before ``#endif``, ``if (x)`` just before ``#ifdef``) keeps only its first branch,
  as plain code;
* iterator macros in a function (``list_for_each_entry_safe(a, b, head, member) {``,
  ``for_each_set_bit(i, map, n)``) become ``while                   (a, b, head, member) {``:
  a loop with the same body;
* top-level declarator macros (``static SIMPLE_DEV_PM_OPS(a, b, c);``,
  ``static DEFINE_MUTEX(lock);``) become spaces: they declare nothing devmify edits;
  so do top-level upper-case macro invocations without ``;`` alone on their line, that
  generate whole functions (``FOO_RX_BUF(u32)``);
* upper-case macros with several arguments used as a field of a struct or union
  (``DECLARE_BITMAP(mask, 64);``) and anonymous bit-fields (``u8 : 4;``) become spaces;
* upper-case macros listed in an initialiser without commas between them
  (``SET_SYSTEM_SLEEP_PM_OPS(s, r) SET_RUNTIME_PM_OPS(a, b, c)``) lose their names,
  leaving ``(s, r) (a, b, c)``, one expression holding every argument;
* ``static`` before an upper-case declarator macro inside a function goes;
* log-level prefixes glued to a format (``KERN_ERR PFX "fmt"``) become spaces;
* type arguments of macro calls: ``container_of(p, struct foo, member)`` loses the
  ``struct`` keyword (``foo`` is then a plain identifier); an argument that is a type
  spelled with keywords (``min_t(unsigned long, a, b)``) becomes spaces with its comma;
* GNU case ranges ``case 1 ... 3:`` become ``case 1      :``.

All rewrites match on code only: comments, the inside of string and character literals
and preprocessor lines are left out by :func:`scan`, which also tells the nesting
(function body, initialiser, struct body, ...) at each offset.  The text is scanned
again once the annotations are gone, so ``struct __packed foo {`` reads as a struct.
``bench/parse_stats.py`` measures the effect on a kernel tree.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# Attribute-like words that carry no syntax tree-sitter needs.
ANNOTATIONS = (
    "__init", "__exit", "__initdata", "__initconst", "__exitdata", "__devinit",
    "__devexit", "__devinitdata", "__devinitconst", "__cpuinit", "__ref", "__refdata",
    "__refconst", "__iomem", "__user", "__force", "__rcu", "__percpu", "__kernel",
    "__maybe_unused", "__always_unused", "__used", "__must_check", "__always_inline",
    "noinline", "__noinline", "__cold", "__hot", "__pure", "__weak", "__packed",
    "__read_mostly", "__ro_after_init", "__initdata_or_module", "__bitwise", "__private",
    "__visible", "__noreturn", "__flatten", "__nocast", "__safe", "__deprecated",
    "__init_or_module", "__exit_call", "__init_call", "__latent_entropy", "__randomize_layout",
    "__no_randomize_layout", "__cacheline_aligned",
    "__cacheline_aligned_in_smp", "____cacheline_aligned", "____cacheline_aligned_in_smp",
    "__attribute_const__", "notrace", "__irq_entry", "__sched",
    "noinline_for_stack", "__meminit", "__meminitdata", "__meminitconst", "__nocfi",
    "__noclone", "__noinstr", "noinstr", "__always_used", "__mustcheck",
)
# Annotations followed by a parenthesised argument list.
ANNOTATIONS_WITH_ARGS = (
    "__aligned", "__section", "__printf", "__scanf", "__acquires", "__releases",
    "__must_hold", "__cond_lock", "__alias", "__nonstring", "__designated_init",
    "__counted_by", "__free", "__cleanup", "__guarded_by", "__pt_guarded_by",
)
# Function-like macros that open a loop or a block over the following statement, besides
# every lower-case name containing ``for_each`` or ``foreach`` (``list_for_each_entry``,
# ``for_each_sg``), when used inside a function body.
LOOP_MACROS = ("scoped_guard", "scoped_cond_guard")
LOOP_PATTERN = re.compile(rb"[a-z0-9_]*for_?each[a-z0-9_]*\Z")
# printk log-level prefixes: string literals spelled as macros.
LOG_LEVELS = (
    "KERN_EMERG", "KERN_ALERT", "KERN_CRIT", "KERN_ERR", "KERN_WARNING", "KERN_NOTICE",
    "KERN_INFO", "KERN_DEBUG", "KERN_DEFAULT", "KERN_CONT", "KERN_SOH",
)
# Names followed by "(" that are no macro call whose arguments could be types: keywords
# and C operators that take a type themselves.
NOT_CALLS = (
    "sizeof", "if", "while", "for", "switch", "return", "do", "else", "case", "goto",
    "typeof", "__typeof__", "__typeof", "_Alignof", "__alignof__", "__alignof", "alignof",
    "offsetof", "__builtin_offsetof", "_Generic", "asm", "__asm__", "__asm", "volatile",
    "__volatile__", "__attribute__", "__attribute", "defined", "_Static_assert",
    "__builtin_types_compatible_p", "__builtin_va_arg",
)
# Keywords that spell a type; an argument made of these (and identifiers and "*") is a type.
TYPE_KEYWORDS = (
    "unsigned", "signed", "long", "short", "int", "char", "void", "float", "double",
    "_Bool", "const", "volatile", "struct", "union", "enum",
)
# Type names that may start an anonymous bit-field (``u8 : 4;``).
BITFIELD_TYPES = (
    "unsigned", "signed", "int", "char", "short", "long", "bool", "_Bool",
    "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64",
    "__u8", "__u16", "__u32", "__u64", "__s8", "__s16", "__s32", "__s64",
    "uint8_t", "uint16_t", "uint32_t", "uint64_t",
)

_WORD = re.compile(
    rb"\b(" + b"|".join(re.escape(a.encode()) for a in ANNOTATIONS) + rb")\b(?!\s*\()"
)
_WORD_WITH_ARGS = re.compile(
    rb"\b(" + b"|".join(re.escape(a.encode()) for a in ANNOTATIONS_WITH_ARGS) + rb")\s*\("
)
_CALL = re.compile(rb"\b([A-Za-z_][A-Za-z0-9_]*)\s*\(")
_TOPLEVEL_DECL_MACRO = re.compile(
    rb"^(?:static\s+)?(?:const\s+)?([A-Z][A-Z0-9_]*)\s*\(", re.MULTILINE
)
_STATIC_MACRO = re.compile(rb"\bstatic\s+[A-Z][A-Z0-9_]*\s*\(")
_LOG_LEVEL = re.compile(rb"\b(" + b"|".join(a.encode() for a in LOG_LEVELS) + rb")\b")
_CASE_RANGE = re.compile(rb"\bcase\b[^:;{}]*?(\.\.\.[^:;{}]*?)\s*:")
_BITFIELD_TYPE = rb"(?:" + b"|".join(t.encode() for t in BITFIELD_TYPES) + rb")"
_ANON_BITFIELD = re.compile(
    rb"(?<=[;{])\s*(" + _BITFIELD_TYPE + rb"(?:\s+" + _BITFIELD_TYPE + rb")*\s*:\s*\w+\s*;)"
)
_DEFINE_PARAMS = re.compile(rb"#\s*define\s+[A-Za-z_]\w*\(([^)\n]*)\)")
_NAMED_VARIADIC = re.compile(rb"([A-Za-z_]\w*)\s*\.\.\.")
_TOKEN = re.compile(rb"[A-Za-z_]\w*|\S")
_INTERESTING = re.compile(rb"[/#\"'{}();]")
_DIRECTIVE_KEYWORD = re.compile(rb"[ \t]*([A-Za-z_]*)")
_NOT_CALLS = frozenset(n.encode() for n in NOT_CALLS)
_TYPE_KEYWORDS = frozenset(k.encode() for k in TYPE_KEYWORDS)
_LOOP_MACROS = frozenset(n.encode() for n in LOOP_MACROS)
_IDENT_START = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")

# Kinds of nesting the scanner tells apart.
TOP, BLOCK, INIT, RECORD, ENUM, PAREN = "top", "block", "init", "record", "enum", "paren"


def _blank(buf: bytearray, start: int, end: int) -> None:
    """Replace buf[start:end] by spaces, keeping line ends so line numbers stay true."""
    for i in range(start, end):
        if buf[i] not in b"\r\n":
            buf[i] = 0x20


def _skip_literal(data: bytes, i: int) -> int:
    """Offset just past the string or char literal starting at ``i`` (or its line end)."""
    quote = data[i]
    i += 1
    n = len(data)
    while i < n and data[i] != quote:
        if data[i] == 0x5C:  # backslash
            i += 1
        elif data[i] == 0x0A:
            return i
        i += 1
    return min(i + 1, n)


def _next_significant(data: bytes, i: int) -> bytes:
    while i < len(data) and data[i] in b" \t\r\n\f\v":
        i += 1
    return data[i:i + 1]


def _prev_significant(data: bytes, i: int) -> int:
    """Offset of the last non-blank byte before ``i``, or -1."""
    i -= 1
    while i >= 0 and data[i] in b" \t\r\n\f\v":
        i -= 1
    return i


def _word_before(data: bytes, end: int) -> tuple[bytes, int]:
    """The identifier ending at ``end`` (exclusive) and its start."""
    start = end
    while start > 0 and (data[start - 1] in _IDENT_START or 0x30 <= data[start - 1] <= 0x39):
        start -= 1
    return data[start:end], start


@dataclass
class Directive:
    start: int
    end: int                 # offset of the line end that closes it (not included)
    keyword: bytes           # b"if", b"ifdef", b"define", ... (b"" for a lone "#")
    context: str             # kind of nesting the directive stands in
    comments: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Scan:
    """What a lexical pass over a file knows.

    ``view`` is the text with comments, the contents of literals and preprocessor lines
    turned into spaces (same length, same line ends), so regular expressions over it only
    see code.  ``context_at`` tells the kind of nesting at an offset.
    """

    view: bytes
    directives: list[Directive]
    _pos: list[int]
    _kind: list[str]
    _closes: dict[int, int]
    _semis: list[int]
    _opens: dict[int, int] | None = None

    def context_at(self, offset: int) -> str:
        return self._kind[bisect.bisect_right(self._pos, offset) - 1]

    def open_paren(self, close_at: int) -> int:
        """Offset of the ``(`` matching the ``)`` at ``close_at``, or -1."""
        if self._opens is None:
            self._opens = {end - 1: start for start, end in self._closes.items()}
        return self._opens.get(close_at, -1)

    def close_paren(self, open_at: int) -> int:
        """Offset just past the ``)`` matching the ``(`` at ``open_at``, or -1 when there
        is none or a ``;`` comes first (then it was no macro call)."""
        end = self._closes.get(open_at, -1)
        if end < 0:
            return -1
        k = bisect.bisect_right(self._semis, open_at)
        if k < len(self._semis) and self._semis[k] < end:
            return -1
        return end


def _classify_brace(view: bytearray, at: int, stack: list[str]) -> str:
    """Kind of the block opened by the ``{`` at ``at``, from the code just before it."""
    top = stack[-1] if stack else TOP
    p = _prev_significant(view, at)
    if p < 0:
        return BLOCK
    c = view[p]
    if c == 0x3D:  # =
        return INIT
    if c in b",{":
        return INIT if top in (INIT, PAREN) else BLOCK
    if c in _IDENT_START or 0x30 <= c <= 0x39:
        word, start = _word_before(view, p + 1)
        before, _ = _word_before(view, _prev_significant(view, start) + 1)
        if word in (b"struct", b"union") or before in (b"struct", b"union"):
            return RECORD
        if word == b"enum" or before == b"enum":
            return ENUM
    return BLOCK


def _directive_end(data: bytes, i: int, comments: list[tuple[int, int]]) -> int:
    """Offset of the newline ending the preprocessor line starting at ``i`` (or EOF)."""
    n = len(data)
    while i < n:
        c = data[i]
        if c == 0x0A:
            return i
        if c == 0x5C:  # backslash: a continued line
            i += 2 if data[i + 1:i + 2] in (b"\n", b"\r") else 1
            if data[i - 1:i] == b"\r" and data[i:i + 1] == b"\n":
                i += 1
            continue
        if c == 0x2F and data[i + 1:i + 2] == b"*":
            end = data.find(b"*/", i + 2)
            end = n if end < 0 else end + 2
            comments.append((i, end))
            i = end
            continue
        if c == 0x2F and data[i + 1:i + 2] == b"/":
            end = data.find(b"\n", i)
            end = n if end < 0 else end
            comments.append((i, end))
            return end
        if c in (0x22, 0x27):
            i = _skip_literal(data, i)
            continue
        i += 1
    return n


def scan(data: bytes) -> Scan:
    """One lexical pass: the code-only view, the preprocessor lines, the nesting kinds.

    Braces are classified as initialiser lists (after ``=``, or nested in one), struct or
    union bodies, enum bodies and blocks; parentheses are tracked too.  Across
    ``#if``/``#else`` the nesting of the first branch is followed, as most C tools do,
    so unbalanced branches do not shift what comes after ``#endif``.
    """
    view = bytearray(data)
    n = len(data)
    stack: list[str] = []
    pp: list[list] = []          # per open #if: [stack at #if, stack at end of 1st branch]
    pos, kinds = [0], [TOP]
    directives: list[Directive] = []
    opens: list[int] = []        # offsets of the "(" not closed yet
    closes: dict[int, int] = {}
    semis: list[int] = []

    def mark(at: int) -> None:
        kind = stack[-1] if stack else TOP
        if kinds[-1] != kind:
            if pos[-1] == at:
                kinds[-1] = kind
            else:
                pos.append(at)
                kinds.append(kind)

    i = 0
    while True:
        m = _INTERESTING.search(data, i)
        if m is None:
            break
        i = m.start()
        c = data[i]
        if c == 0x2F:                                        # /
            nxt = data[i + 1:i + 2]
            if nxt == b"*":
                end = data.find(b"*/", i + 2)
                end = n if end < 0 else end + 2
            elif nxt == b"/":
                end = data.find(b"\n", i)
                end = n if end < 0 else end
            else:
                i += 1
                continue
            _blank(view, i, end)
            i = end
        elif c == 0x23:                                      # #
            line = data.rfind(b"\n", 0, i) + 1
            if data[line:i].strip():
                i += 1                                       # not a preprocessor line
                continue
            comments: list[tuple[int, int]] = []
            end = _directive_end(data, i + 1, comments)
            kw = _DIRECTIVE_KEYWORD.match(data, i + 1, end)
            keyword = kw.group(1) if kw else b""
            directives.append(Directive(i, end, keyword, stack[-1] if stack else TOP,
                                        comments))
            if keyword in (b"if", b"ifdef", b"ifndef"):
                pp.append([list(stack), None])
            elif keyword in (b"elif", b"else", b"elifdef", b"elifndef") and pp:
                if pp[-1][1] is None:
                    pp[-1][1] = list(stack)
                stack[:] = pp[-1][0]
            elif keyword == b"endif" and pp:
                entry = pp.pop()
                if entry[1] is not None:
                    stack[:] = entry[1]
            _blank(view, i, end)
            mark(end)
            i = end
        elif c in (0x22, 0x27):                              # string or char literal
            end = _skip_literal(data, i)
            closed = end - 1 > i and data[end - 1] == c
            _blank(view, i + 1, end - 1 if closed else end)
            i = end
        else:
            if c == 0x7B:      # {
                stack.append(_classify_brace(view, i, stack))
                mark(i + 1)
            elif c == 0x7D:    # }
                while stack and stack[-1] == PAREN:
                    stack.pop()
                if stack:
                    stack.pop()
                mark(i)
            elif c == 0x28:    # (
                stack.append(PAREN)
                mark(i + 1)
                opens.append(i)
            elif c == 0x29:    # )
                if stack and stack[-1] == PAREN:
                    stack.pop()
                mark(i)
                if opens:
                    closes[opens.pop()] = i + 1
            else:              # ;
                semis.append(i)
            i += 1
    return Scan(bytes(view), directives, pos, kinds, closes, semis)


def _split_args(view: bytes, open_at: int, close_at: int) -> list[tuple[int, int]]:
    """Spans of the top-level comma-separated arguments between two parentheses."""
    spans, depth, start = [], 0, open_at + 1
    for i in range(open_at + 1, close_at):
        c = view[i]
        if c in b"([{":
            depth += 1
        elif c in b")]}":
            depth -= 1
        elif c == 0x2C and depth == 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, close_at))
    return spans


def _type_arguments(buf: bytearray, sc: Scan) -> None:
    """``f(p, struct foo, m)`` -> ``f(p,        foo, m)``;
    ``min_t(unsigned long, a, b)`` -> ``min_t(               a, b)``."""
    view = sc.view
    for m in _CALL.finditer(view):
        name = m.group(1)
        if name in _NOT_CALLS or name in _TYPE_KEYWORDS:
            continue
        if sc.context_at(m.start()) not in (BLOCK, INIT, PAREN):
            continue
        end = sc.close_paren(m.end() - 1)
        if end < 0:
            continue
        args = _split_args(view, m.end() - 1, end - 1)
        for k, (a, b) in enumerate(args):
            toks = [(t.group(), t.start()) for t in _TOKEN.finditer(view, a, b)]
            words = [t for t, _ in toks]
            if not words or not any(w in _TYPE_KEYWORDS for w in words):
                continue
            if not all(w == b"*" or w[0] in _IDENT_START for w in words):
                continue
            if len(words) == 2 and words[0] in (b"struct", b"union", b"enum") \
                    and words[1] not in _TYPE_KEYWORDS:
                start = toks[0][1]
                _blank(buf, start, start + len(words[0]))
            elif len(args) == 1:
                _blank(buf, a, b)
            elif k + 1 < len(args):
                _blank(buf, a, b + 1)          # the argument and its comma
            else:
                _blank(buf, a - 1, b)          # the comma before it and the argument


def normalise(data: bytes) -> bytes:
    """Return a copy of ``data`` of the same length that tree-sitter-c parses better."""
    buf = bytearray(data)
    code = scan(data)             # annotations are looked for in code only
    for m in _WORD.finditer(code.view):
        _blank(buf, m.start(), m.end())
    for m in _WORD_WITH_ARGS.finditer(code.view):
        end = code.close_paren(m.end() - 1)
        if end > 0:
            _blank(buf, m.start(), end)
    sc = scan(bytes(buf)) if buf != data else code
    for rewrite in _REWRITES:
        rewrite(buf, sc)
    return bytes(buf)


def _directives(buf: bytearray, sc: Scan) -> None:
    """Preprocessor lines in initialisers and parentheses; comments and ``arg...`` in
    ``#define``; ``#if`` groups that cut a statement in two."""
    for d in sc.directives:
        if d.context in (INIT, PAREN):
            _blank(buf, d.start, d.end)
        elif d.keyword == b"define":
            for k, (a, b) in enumerate(d.comments):
                # A trailing comment parses, and must stay: "#define A" followed by
                # nothing but blanks does not.
                if _code_follows(buf, b, d.end, d.comments[k + 1:]):
                    _blank(buf, a, b)
            m = _DEFINE_PARAMS.match(buf, d.start)
            if m:
                for v in _NAMED_VARIADIC.finditer(buf, m.start(1), m.end(1)):
                    _blank(buf, v.start(1), v.end(1))
    for group in _conditional_groups(sc.directives):
        if group[0].context == BLOCK and any(_splits_statement(sc, d.start) for d in group):
            # "} else\n#endif" or "if (x)\n#ifdef": keep the first branch as plain code,
            # the branch the scanner followed too.
            for d in group:
                _blank(buf, d.start, d.end)
            if len(group) > 2:
                _blank(buf, group[1].start, group[-1].start)


def _loops(buf: bytearray, sc: Scan) -> None:
    """``list_for_each_entry(a, h, m) {`` -> ``while              (a, h, m) {``."""
    view = sc.view
    for m in _CALL.finditer(view):
        name = m.group(1)
        if not (LOOP_PATTERN.match(name) or name in _LOOP_MACROS):
            continue
        if sc.context_at(m.start()) != BLOCK:
            continue                               # a definition: int foo_for_each(...) {
        end = sc.close_paren(m.end() - 1)
        if end < 0 or _next_significant(view, end) in (b";", b")", b",", b"", b"?", b":"):
            continue
        name_start, name_end = m.span(1)
        if buf[name_start:m.end()] != view[name_start:m.end()]:
            continue                               # in a branch blanked above
        buf[name_start:name_end] = b"while".ljust(name_end - name_start)


def _toplevel_macros(buf: bytearray, sc: Scan) -> None:
    """``static DEFINE_MUTEX(lock);`` and generators such as ``FOO_RX_BUF(u32)``."""
    view = sc.view
    for m in _TOPLEVEL_DECL_MACRO.finditer(view):
        if sc.context_at(m.start()) != TOP:
            continue
        end = sc.close_paren(m.end() - 1)
        if end < 0:
            continue
        nxt = _next_significant(view, end)
        if nxt == b";":
            _blank(buf, m.start(), view.index(b";", end) + 1)
        elif (nxt == b"" or nxt[0] in _IDENT_START) and _ends_line(view, end):
            _blank(buf, m.start(), end)


def _field_macros(buf: bytearray, sc: Scan) -> None:
    """``DECLARE_BITMAP(mask, 64);`` as a field, ``unsigned int : 4;``."""
    view = sc.view
    for m in _CALL.finditer(view):
        if not _is_macro_name(m.group(1)) or sc.context_at(m.start()) != RECORD:
            continue
        p = _prev_significant(view, m.start())
        if p >= 0 and view[p] not in b";{}":
            continue
        end = sc.close_paren(m.end() - 1)
        if end < 0 or _next_significant(view, end) != b";":
            continue
        if len(_split_args(view, m.end() - 1, end - 1)) < 2:
            continue                               # FOO(x); parses as a field already
        _blank(buf, m.start(), view.index(b";", end) + 1)
    for m in _ANON_BITFIELD.finditer(view):
        if sc.context_at(m.start(1)) == RECORD:
            _blank(buf, m.start(1), m.end(1))


def _initialiser_macros(buf: bytearray, sc: Scan) -> None:
    """Entries without commas: ``FOO(a, b) BAR(c) .x = y`` -> ``(a, b) (c) .x = y``,
    one expression that keeps every argument in the tree (``SET_RUNTIME_PM_OPS``)."""
    view = sc.view
    chained: set[int] = set()     # offsets of the ")" of entries whose name went
    for m in _CALL.finditer(view):
        if not _is_macro_name(m.group(1)) or sc.context_at(m.start()) != INIT:
            continue
        p = _prev_significant(view, m.start())
        if p >= 0 and view[p] not in b"{,)":
            continue
        end = sc.close_paren(m.end() - 1)
        if end < 0:
            continue
        nxt = _next_significant(view, end)
        if nxt == b"." or (nxt and nxt[0] in _IDENT_START) or p in chained:
            _blank(buf, m.start(), m.end(1))
            chained.add(end - 1)


def _static_macros(buf: bytearray, sc: Scan) -> None:
    """``static DEFINE_RATELIMIT_STATE(rs, a, b);`` in a function: ``static`` goes."""
    view = sc.view
    for m in _STATIC_MACRO.finditer(view):
        if sc.context_at(m.start()) != BLOCK:
            continue
        end = sc.close_paren(m.end() - 1)
        if end > 0 and _next_significant(view, end) == b";":
            _blank(buf, m.start(), m.start() + len(b"static"))


def _log_levels(buf: bytearray, sc: Scan) -> None:
    """``printk(KERN_ERR PFX "fmt")`` -> ``printk(         PFX "fmt")``."""
    view = sc.view
    for m in _LOG_LEVEL.finditer(view):
        nxt = _next_significant(view, m.end())
        if nxt == b'"' or (nxt and nxt[0] in _IDENT_START):
            _blank(buf, m.start(), m.end())


def _case_ranges(buf: bytearray, sc: Scan) -> None:
    """``case 1 ... 3:`` -> ``case 1      :``."""
    for m in _CASE_RANGE.finditer(sc.view):
        if sc.context_at(m.start()) == BLOCK:
            _blank(buf, m.start(1), m.end(1))


def _code_follows(buf: bytes, start: int, end: int, comments: list[tuple[int, int]]) -> bool:
    """True when buf[start:end], comments and line continuations left out, is not blank."""
    rest = bytearray(buf[start:end])
    for a, b in comments:
        _blank(rest, a - start, b - start)
    return bool(rest.replace(b"\\", b" ").strip())


def _conditional_groups(directives: list[Directive]) -> list[list[Directive]]:
    """``#if``, its ``#elif``/``#else`` and its ``#endif``, for every complete group."""
    groups, open_groups = [], []
    for d in directives:
        if d.keyword in (b"if", b"ifdef", b"ifndef"):
            open_groups.append([d])
        elif d.keyword in (b"elif", b"else", b"elifdef", b"elifndef") and open_groups:
            open_groups[-1].append(d)
        elif d.keyword == b"endif" and open_groups:
            group = open_groups.pop()
            group.append(d)
            groups.append(group)
    return groups


def _splits_statement(sc: Scan, at: int) -> bool:
    """True when the code before offset ``at`` is a statement still waiting for its body:
    it ends with ``else``, with the condition of ``if``, ``while`` or ``for``, or with a
    label (``out:``)."""
    view = sc.view
    p = _prev_significant(view, at)
    if p < 0:
        return False
    if view[p] == 0x3A:  # a label; not "case X:", "default:" nor "a ? b : c"
        word, start = _word_before(view, _prev_significant(view, p) + 1)
        q = _prev_significant(view, start)
        return bool(word) and word != b"default" and word[0] in _IDENT_START \
            and (q < 0 or view[q] in b";{}")
    if view[p] == 0x29:  # )
        opened = sc.open_paren(p)
        if opened < 0:
            return False
        word, _ = _word_before(view, _prev_significant(view, opened) + 1)
        return word in (b"if", b"while", b"for")
    word, _ = _word_before(view, p + 1)
    return word == b"else"


def _is_macro_name(name: bytes) -> bool:
    """An upper-case identifier such as ``SET_RUNTIME_PM_OPS`` or ``__DECLARE_FLEX_ARRAY``."""
    return name.lstrip(b"_")[:1].isupper() and name.upper() == name


def _ends_line(view: bytes, i: int) -> bool:
    """True when only blanks follow offset ``i`` up to the end of its line."""
    while i < len(view) and view[i] in b" \t\r\f\v":
        i += 1
    return i >= len(view) or view[i] == 0x0A


# The rewrites after the annotations, in order; each reads the scan of the text with the
# annotations blanked and writes into the output buffer.
_REWRITES = (
    _directives, _loops, _toplevel_macros, _field_macros, _initialiser_macros,
    _static_macros, _log_levels, _type_arguments, _case_ranges,
)
