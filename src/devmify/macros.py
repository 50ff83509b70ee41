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
* comments inside ``#define`` lines become spaces (C reads a comment as a space, but
  tree-sitter-c's macro-body token stops at one);
* named variadic macro parameters (``#define dbg(fmt, arg...)``) lose the name:
  ``#define dbg(fmt,    ...)``;
* iterator macros (``list_for_each_entry_safe(a, b, head, member) {``,
  ``for_each_set_bit(i, map, n)``) become ``while                   (a, b, head, member) {``:
  a loop with the same body;
* top-level declarator macros (``static SIMPLE_DEV_PM_OPS(a, b, c);``,
  ``static DEFINE_MUTEX(lock);``) become spaces: they declare nothing devmify edits;
  so do top-level upper-case macro invocations without ``;`` that generate whole
  functions (``FOO_RX_BUF(u32)`` on a line of its own);
* upper-case macros with several arguments used as a field of a struct or union
  (``DECLARE_BITMAP(mask, 64);``) become spaces;
* anonymous bit-fields (``unsigned int : 4;``) become spaces;
* log-level prefixes glued to a format (``KERN_ERR PFX "fmt"``) become spaces;
* type arguments of macro calls: ``container_of(p, struct foo, member)`` loses the
  ``struct`` keyword (``foo`` is then a plain identifier); an argument that is a type
  spelled with keywords (``min_t(unsigned long, a, b)``) becomes spaces with its comma;
* GNU case ranges ``case 1 ... 3:`` become ``case 1      :``.

All rewrites except the first two look at the code only: comments, the inside of
string and character literals, and preprocessor lines are ignored when matching.
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


def _close_paren(data: bytes, open_at: int) -> int:
    """Offset just past the parenthesis matching the one at ``open_at``, or -1."""
    depth = 0
    i = open_at
    n = len(data)
    while i < n:
        c = data[i]
        if c == 0x28:  # (
            depth += 1
        elif c == 0x29:  # )
            depth -= 1
            if depth == 0:
                return i + 1
        elif c in (0x22, 0x27):  # string or char literal
            i = _skip_literal(data, i)
            continue
        elif c == 0x3B:  # a ';' means this was no macro call
            return -1
        i += 1
    return -1


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
    return i + 1


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

    def context_at(self, offset: int) -> str:
        return self._kind[bisect.bisect_right(self._pos, offset) - 1]


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

    def mark(at: int) -> None:
        kind = stack[-1] if stack else TOP
        if kinds[-1] != kind:
            if pos[-1] == at:
                kinds[-1] = kind
            else:
                pos.append(at)
                kinds.append(kind)

    i = 0
    line_start = True
    while i < n:
        c = data[i]
        if c == 0x0A:
            line_start = True
            i += 1
        elif c in b" \t\r\f\v":
            i += 1
        elif c == 0x2F and data[i + 1:i + 2] == b"*":       # /* comment */
            end = data.find(b"*/", i + 2)
            end = n if end < 0 else end + 2
            _blank(view, i, end)
            i = end
        elif c == 0x2F and data[i + 1:i + 2] == b"/":       # // comment
            end = data.find(b"\n", i)
            end = n if end < 0 else end
            _blank(view, i, end)
            i = end
        elif c == 0x23 and line_start:                       # preprocessor line
            comments: list[tuple[int, int]] = []
            end = _directive_end(data, i + 1, comments)
            m = re.match(rb"[ \t]*([A-Za-z_]*)", data[i + 1:end])
            keyword = m.group(1) if m else b""
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
        else:
            line_start = False
            if c in (0x22, 0x27):                            # string or char literal
                end = _skip_literal(data, i)
                _blank(view, i + 1, max(i + 1, end - 1))
                i = end
                continue
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
            elif c == 0x29:    # )
                if stack and stack[-1] == PAREN:
                    stack.pop()
                mark(i)
            i += 1
    return Scan(bytes(view), directives, pos, kinds)


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
    """``f(p, struct foo, m)`` -> ``f(p,        foo, m)``; ``f(unsigned long, a)`` -> ``f(      a)``."""
    view = sc.view
    for m in _CALL.finditer(view):
        name = m.group(1)
        if name in _NOT_CALLS or name in _TYPE_KEYWORDS:
            continue
        if sc.context_at(m.start()) not in (BLOCK, INIT, PAREN):
            continue
        end = _close_paren(view, m.end() - 1)
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
    for m in _WORD.finditer(data):
        _blank(buf, m.start(), m.end())
    for m in _WORD_WITH_ARGS.finditer(data):
        end = _close_paren(data, m.end() - 1)
        if end > 0:
            _blank(buf, m.start(), end)

    sc = scan(bytes(buf))
    view = sc.view

    for d in sc.directives:
        if d.context in (INIT, PAREN):
            _blank(buf, d.start, d.end)
        elif d.keyword == b"define":
            for k, (a, b) in enumerate(d.comments):
                if _code_follows(buf, b, d.end, d.comments[k + 1:]):
                    _blank(buf, a, b)      # a trailing comment is fine, and needed:
                    # "#define A" followed by blanks only does not parse
            m = _DEFINE_PARAMS.match(buf, d.start)
            if m:
                for v in _NAMED_VARIADIC.finditer(buf, m.start(1), m.end(1)):
                    _blank(buf, v.start(1), v.end(1))

    for m in _CALL.finditer(view):
        name = m.group(1)
        if not (LOOP_PATTERN.match(name) or name in _LOOP_MACROS):
            continue
        if sc.context_at(m.start()) != BLOCK:
            continue                               # a definition: int foo_for_each(...) {
        end = _close_paren(view, m.end() - 1)
        if end < 0 or _next_significant(view, end) in (b";", b")", b",", b"", b"?", b":"):
            continue
        name_start, name_end = m.span(1)
        buf[name_start:name_end] = b"while".ljust(name_end - name_start)

    for m in _TOPLEVEL_DECL_MACRO.finditer(view):
        if sc.context_at(m.start()) != TOP:
            continue
        end = _close_paren(view, m.end() - 1)
        if end < 0:
            continue
        nxt = _next_significant(view, end)
        if nxt == b";":
            _blank(buf, m.start(), view.index(b";", end) + 1)
        elif (nxt == b"" or nxt[0] in _IDENT_START) and _ends_line(view, end):
            _blank(buf, m.start(), end)           # a function generator: FOO_BUF(u32)

    for m in _CALL.finditer(view):
        name = m.group(1)
        if not _is_macro_name(name):
            continue
        if sc.context_at(m.start()) != RECORD:
            continue
        p = _prev_significant(view, m.start())
        if p >= 0 and view[p] not in b";{}":
            continue
        end = _close_paren(view, m.end() - 1)
        if end < 0 or _next_significant(view, end) != b";":
            continue
        if len(_split_args(view, m.end() - 1, end - 1)) < 2:
            continue                               # FOO(x); parses as a field already
        _blank(buf, m.start(), view.index(b";", end) + 1)

    chained: set[int] = set()     # close-paren offsets of entries whose name went
    for m in _CALL.finditer(view):
        name = m.group(1)
        if not _is_macro_name(name) or sc.context_at(m.start()) != INIT:
            continue
        p = _prev_significant(view, m.start())
        if p >= 0 and view[p] not in b"{,)":
            continue
        end = _close_paren(view, m.end() - 1)
        if end < 0:
            continue
        nxt = _next_significant(view, end)
        if nxt == b"." or (nxt and nxt[0] in _IDENT_START) or p in chained:
            # Entries without commas: FOO(a, b) BAR(c) .x = y  ->  (a, b) (c) .x = y,
            # one expression that keeps every argument in the tree.
            _blank(buf, m.start(), m.end(1))
            chained.add(end - 1)

    for m in _STATIC_MACRO.finditer(view):
        if sc.context_at(m.start()) != BLOCK:
            continue
        end = _close_paren(view, m.end() - 1)
        if end > 0 and _next_significant(view, end) == b";":
            _blank(buf, m.start(), m.start() + len(b"static"))

    for m in _ANON_BITFIELD.finditer(view):
        if sc.context_at(m.start(1)) == RECORD:
            _blank(buf, m.start(1), m.end(1))

    for m in _LOG_LEVEL.finditer(view):
        nxt = _next_significant(view, m.end())
        if nxt == b'"' or (nxt and nxt[0] in _IDENT_START):
            _blank(buf, m.start(), m.end())

    _type_arguments(buf, sc)

    for m in _CASE_RANGE.finditer(view):
        if sc.context_at(m.start()) == BLOCK:
            _blank(buf, m.start(1), m.end(1))
    return bytes(buf)


def _code_follows(buf: bytes, start: int, end: int, comments: list[tuple[int, int]]) -> bool:
    """True when buf[start:end], comments and line continuations left out, is not blank."""
    rest = bytearray(buf[start:end])
    for a, b in comments:
        _blank(rest, a - start, b - start)
    return bool(rest.replace(b"\\", b" ").strip())


def _is_macro_name(name: bytes) -> bool:
    """An upper-case identifier such as ``SET_RUNTIME_PM_OPS``."""
    return name[:1].isupper() and name.upper() == name


def _ends_line(view: bytes, i: int) -> bool:
    """True when only blanks follow offset ``i`` up to the end of its line."""
    while i < len(view) and view[i] in b" \t\r\f\v":
        i += 1
    return i >= len(view) or view[i] == 0x0A
