"""Reading a C file and parsing it with tree-sitter-c; node text and position helpers.

Bytes are kept exactly as read (any encoding, CRLF, tabs).  The parse is made on the
same-length normalisation from :mod:`devmify.macros`, so node offsets are offsets in the
original bytes.  Nothing here knows about drivers or APIs.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

import tree_sitter_c
from tree_sitter import Language, Node, Parser, Query, QueryCursor

from .inputs import ReadFailed, read
from .macros import normalise


class UnreadableSource(Exception):
    """The file cannot be analysed at all (unreadable, binary)."""


@lru_cache(maxsize=1)
def _language() -> Language:
    return Language(tree_sitter_c.language())


@lru_cache(maxsize=1)
def _parser() -> Parser:
    return Parser(_language())


def parse_bytes(data: bytes):
    return _parser().parse(data)


@dataclass
class SourceFile:
    path: str
    raw: bytes
    tree: object = field(repr=False)
    _line_starts: list[int] = field(repr=False, default_factory=list)
    fs_path: str = ""  # where the file is on disk, for looking up its headers

    @classmethod
    def from_bytes(cls, path: str, raw: bytes, fs_path: str | None = None) -> "SourceFile":
        if b"\0" in raw:
            raise UnreadableSource("binary file (contains NUL bytes)")
        tree = parse_bytes(normalise(raw))
        starts = [0]
        starts.extend(i + 1 for i, c in enumerate(raw) if c == 0x0A)
        return cls(path, raw, tree, starts, fs_path or path)

    @classmethod
    def read(cls, path: str, display: str | None = None) -> "SourceFile":
        """Read through :func:`inputs.read`, as the driver itself is: regular files only."""
        try:
            raw = read(path)
        except ReadFailed as exc:
            raise UnreadableSource(str(exc)) from exc
        return cls.from_bytes(display or path, raw, path)

    @property
    def root(self) -> Node:
        return self.tree.root_node

    def text(self, node: Node | None) -> str:
        if node is None:
            return ""
        return self.raw[node.start_byte:node.end_byte].decode("utf-8", "surrogateescape")

    def compact(self, node: Node | None) -> str:
        """Node text with all whitespace removed: the form access paths are compared in."""
        return "".join(self.text(node).split())

    def line_of(self, offset: int) -> int:
        """1-based line number of a byte offset."""
        return bisect.bisect_right(self._line_starts, offset)

    def line_start(self, offset: int) -> int:
        return self._line_starts[self.line_of(offset) - 1]

    def line_end(self, offset: int) -> int:
        """Offset just past the newline of the line holding ``offset`` (or EOF)."""
        idx = self.line_of(offset)
        return self._line_starts[idx] if idx < len(self._line_starts) else len(self.raw)

    def indent_of(self, offset: int) -> bytes:
        start = self.line_start(offset)
        i = start
        while i < len(self.raw) and self.raw[i] in b" \t":
            i += 1
        return self.raw[start:i]



@lru_cache(maxsize=None)
def _query(types: tuple[str, ...]) -> Query:
    return Query(_language(), "[" + " ".join(f"({t})" for t in types) + "] @n")


def descendants(node: Node, *types: str) -> Iterator[Node]:
    """The nodes of these (named) types in ``node``'s subtree, ``node`` included, in
    pre-order.  Found by tree-sitter's query engine, in C: a walk in Python over every
    node was nearly a third of devmify's time (profiled over 400 files of drivers/)."""
    found = QueryCursor(_query(types)).captures(node).get("n", [])
    found.sort(key=lambda n: (n.start_byte, -n.end_byte))  # outer before inner
    return iter(found)


def ancestors(node: Node) -> Iterator[Node]:
    n = node.parent
    while n is not None:
        yield n
        n = n.parent


def _function_declarator(fn: Node) -> Node | None:
    """The `name(params)` part of a function definition, under any pointer declarators."""
    decl = fn.child_by_field_name("declarator")
    while decl is not None and decl.type != "function_declarator":
        decl = decl.child_by_field_name("declarator")
    return decl


def parameter_declarations(fn: Node) -> list[Node]:
    decl = _function_declarator(fn)
    plist = decl.child_by_field_name("parameters") if decl is not None else None
    return [p for p in plist.named_children if p.type == "parameter_declaration"] if plist else []


def function_name(fn: Node, src: SourceFile) -> str | None:
    decl = _function_declarator(fn)
    if decl is None:
        return None
    name = decl.child_by_field_name("declarator")
    return src.text(name) if name is not None and name.type == "identifier" else None


def top_level(src: SourceFile) -> Iterator[Node]:
    """Top-level nodes, looking inside #if/#ifdef blocks but not into function bodies."""
    return top_level_nodes(src.root)


def top_level_nodes(root: Node) -> Iterator[Node]:
    """As :func:`top_level`, from a bare tree root."""
    stack = list(reversed(root.children))
    while stack:
        n = stack.pop()
        if n.type.startswith("preproc_if") or n.type in ("preproc_else", "preproc_elif"):
            stack.extend(reversed(n.children))
        else:
            yield n


def functions(src: SourceFile) -> dict[str, Node]:
    """Top-level function definitions by name (the first wins; #ifdef twins are rare)."""
    out: dict[str, Node] = {}
    for n in top_level(src):
        if n.type == "function_definition":
            name = function_name(n, src)
            if name and name not in out:
                out[name] = n
    return out


def strip_casts(node: Node) -> Node:
    """The expression inside any casts and parentheses: `(u8 *)(p)` -> `p`."""
    while node.type in ("cast_expression", "parenthesized_expression"):
        inner = node.child_by_field_name("value") or (node.named_children[-1] if node.named_children else None)
        if inner is None:
            break
        node = inner
    return node


def is_static(fn: Node, src: SourceFile) -> bool:
    return any(c.type == "storage_class_specifier" and src.text(c) == "static" for c in fn.children)


def within(node: Node, outer: Node) -> bool:
    """``node`` lies inside ``outer`` (or is it)."""
    return outer.start_byte <= node.start_byte and node.end_byte <= outer.end_byte


def enclosing_function(node: Node) -> Node | None:
    for a in ancestors(node):
        if a.type == "function_definition":
            return a
    return None
