"""What it does
    Refuses to edit a function or driver that tree-sitter could not parse cleanly.

Why it matters
    devmify edits byte ranges of a syntax tree.  Where a macro or an `#ifdef` confused
    the parser, the tree around it is a guess, and an edit next to it could land in the
    wrong place or miss a release hidden in the unparsed text.

    The same holds where tree-sitter recovers silently with a wrong tree: a statement
    macro without its semicolon (`TRACE(pdev)` on one line, `p = kzalloc(...)` on the
    next) parses as a declaration of a new `p` whose type is the macro.

Example
    A probe whose body uses a macro that expands to a statement without a semicolon.

Instead
    Convert that function by hand, or report the construct so devmify's macro
    normalisation can learn it.
"""

from ..source import descendants

CODE = "DV012"
NAME = "parse-error"
SUMMARY = "the code around the resource did not parse"


def _next_to_error(node) -> bool:
    return any(n is not None and (n.type == "ERROR" or n.is_missing)
               for n in (node.prev_sibling, node.next_sibling))


def _macro_as_type(fn) -> bool:
    body = fn.child_by_field_name("body")
    return body is not None and next(descendants(body, "macro_type_specifier"), None) is not None


def check(f):
    for fi in f.model.info.values():
        if _macro_as_type(fi.node):
            return f"in {fi.name}() a macro call parsed as a type (a statement macro without ';'?)"
        if fi.node.has_error:
            return f"{fi.name}() did not parse cleanly; devmify does not edit next to unparsed code"
        if _next_to_error(fi.node):
            return f"{fi.name}() stands next to code that did not parse; devmify does not edit there"
    if f.model.driver.decl.has_error:
        return f"the initialiser of {f.model.driver.struct} did not parse cleanly"
    return None
