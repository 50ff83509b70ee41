"""What it does
    Refuses to edit a function or driver that tree-sitter could not parse cleanly.

Why it matters
    devmify edits byte ranges of a syntax tree.  Where a macro or an `#ifdef` confused
    the parser, the tree around it is a guess, and an edit next to it could land in the
    wrong place or miss a release hidden in the unparsed text.

Example
    A probe whose body uses a macro that expands to a statement without a semicolon.

Instead
    Convert that function by hand, or report the construct so devmify's macro
    normalisation can learn it.
"""

CODE = "DV012"
NAME = "parse-error"
SUMMARY = "the code around the resource did not parse"


def check(f):
    for fi in f.model.info.values():
        if fi.node.has_error:
            return f"{fi.name}() did not parse cleanly; devmify does not edit next to unparsed code"
    if f.model.driver.decl.has_error:
        return f"the initialiser of {f.model.driver.struct} did not parse cleanly"
    return None
