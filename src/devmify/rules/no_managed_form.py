"""What it does
    Reports an acquisition in probe that has no managed form in Linux 6.1 (e.g. SPARC's
    `of_ioremap()`), so it stays released by hand in remove().

Why it matters
    A driver converted around such a call is only partly managed: the reader must know
    which resources devres releases and which remove() still releases (the seed's
    sparcspkr case).  The report names the call so nobody looks for a devm form that
    does not exist.

Example
    info->regs = of_ioremap(&op->resource[0], 0, 6, "beep");   /* no devm_of_ioremap */

Instead
    Register the release with devm_add_action_or_reset() and a small callback right
    after the acquisition; then remove() no longer needs to undo it.
"""

from ..known_apis import no_managed_form

CODE = "DV016"
NAME = "no-managed-form"
SUMMARY = "the acquisition has no managed form in 6.1 and stays released by hand"


def unmanaged_only(model):
    """(function, call node, name) for each such acquisition in probe and its helpers."""
    for fi, call, name in model.probe_calls:
        if name in no_managed_form():
            yield fi.name, call, name


def message(name: str) -> str:
    return (f"{name}() has no managed form in 6.1 (released by {no_managed_form()[name]}()); "
            f"devm_add_action_or_reset() is the way to manage it")
