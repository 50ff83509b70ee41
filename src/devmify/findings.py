"""Bugs found in a driver as it is (JSON `findings`, report lines, `devmify check`).

Each kind is documented here and printed by `devmify explain KIND`.  The same checks run
on every converted driver: a conversion that would leave a finding the original did not
have is never emitted (DV015); one whose finding disappears says so in its notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import catalogue, pathcheck
from .cfg import key
from .source import descendants, enclosing_function, function_name


@dataclass(frozen=True)
class Kind:
    name: str
    summary: str
    what: str
    why: str
    example: str
    instead: str

    def explain(self) -> str:
        return (f"{self.name}: {self.summary}\n\nWhat it does\n    {self.what}\n\n"
                f"Why it matters\n    {self.why}\n\nExample\n    {self.example}\n\n"
                f"Instead\n    {self.instead}\n")


MANAGED_RELEASE = Kind(
    "managed-release", "a devm-managed resource released by hand with the unmanaged call",
    "Reports a resource acquired with its managed form and released with the unmanaged "
    "release: kfree() of devm_kzalloc() memory (the kernel's devm_free.cocci, smatch's "
    "check_freeing_devm), free_irq() of a devm_request_irq() line, clk_put() of a "
    "devm_clk_get() clock.  Only where the object has that one source (a pointer assigned "
    "elsewhere too may hold unmanaged memory on that path).",
    "devres releases it once more at unbind: a double free, a double put, a WARN.",
    "p = devm_kzalloc(dev, sizeof(*p), GFP_KERNEL); ... kfree(p);   <- freed twice",
    "Use the devm_ release (devm_kfree(), devm_free_irq()) where it must go early, or nothing.")
ERROR_PATH_LEAK = Kind(
    "error-path-leak", "probe fails on a path that still holds an unmanaged resource",
    "Follows every path through probe (and the static helpers it calls: gotos, loops once "
    "or not at all, each case of a switch) to every return that fails (-ENOMEM, "
    "PTR_ERR(p), dev_err_probe(), a ret the path showed to be an error) and reports each "
    "unmanaged acquisition still held there: not released by the unwind ladder, a helper, "
    "a devm action or any call named like a release given it.  An acquisition whose own "
    "check failed on the path is not held (`if (!p) return -ENOMEM;`).",
    "Nothing releases it afterwards: the driver core does not call remove() after a failed "
    "probe.  Memory leaks, a clock stays enabled, an IRQ handler stays installed over a "
    "driver that is gone (smatch's check_unwind, Hector, DSN 2013).",
    "ret = clk_prepare_enable(priv->clk); if (ret) return ret;\n"
    "    irq = platform_get_irq(pdev, 0); if (irq < 0) return irq;   <- clock left enabled",
    "The managed form (devm_clk_get_enabled(), devm_kzalloc()) releases it on every failing "
    "path; devmify's conversion of that acquisition fixes the leak.  By hand: a goto ladder.")
DOUBLE_RELEASE = Kind(
    "double-release", "the same resource released twice on one path",
    "Reports a release call reached on a path where that resource was already released "
    "(and not acquired again or set to NULL in between): an unwind label that frees what a "
    "helper freed, input_free_device() after input_unregister_device().",
    "A double free or put corrupts memory or reference counts; the second free_irq() WARNs.",
    "err_unreg: input_unregister_device(in); err_free: input_free_device(in);   <- freed twice",
    "Release once; after unregistering a registered input device, do not free it.")
REMOVE_LEAK = Kind(
    "remove-leak", "held when probe succeeds and released by nothing remove() can reach",
    "Reports an unmanaged acquisition still held on a path where probe returns 0, when the "
    "driver has a remove() and no function of the file other than probe releases it (by "
    "access path or by its struct field).",
    "Each bind/unbind cycle leaks it; a clock or supply stays on after unbind, an IRQ handler "
    "stays installed over freed memory.",
    "priv->clk = clk_get(dev, NULL); ... return 0;  with no clk_put() in remove()",
    "The managed form; or release it in remove().")
KINDS = {k.name: k for k in (ERROR_PATH_LEAK, DOUBLE_RELEASE, MANAGED_RELEASE, REMOVE_LEAK)}


@dataclass(frozen=True)
class Finding:
    kind: str
    function: str
    line: int
    column: int
    call: str
    target: str
    message: str
    trail: tuple[int, ...] = ()  # lines where the path to it branched or jumped

    @property
    def key(self) -> tuple[str, str, str]:
        """What the finding is about, without where: to compare before and after a patch."""
        return self.kind, self.call, self.target


def find(model, releases, has_remove: bool | None = None, paths: bool = True) -> list[Finding]:
    """``releases``: the driver's release calls (DriverModel.releases), as the plan has them;
    ``has_remove``: whether the driver has a remove() (default: as the file says; a
    converted file may have lost it); ``paths``: walk probe's paths (the costly part)."""
    if has_remove is None:
        has_remove = model.has_remove
    out = managed_releases(model, releases)
    if paths:
        out += path_findings(model, releases, has_remove)
    # message and path too: two findings may share all else, and set order is a hash's
    return sorted(set(out), key=lambda f: (f.line, f.column, f.kind, f.call, f.target, f.message, f.trail))


def managed_releases(model, releases) -> list[Finding]:
    out = []
    for fi, call, name, path in model.managed_calls():
        api = catalogue.lookup(name)
        if api is None or api.via or api.action or api.merge or not path or name != api.managed:
            continue
        if not api.status and len(model.assignments(path, None)) != 1:
            continue  # another source may hold unmanaged memory on the path that releases
        line = model.src.line_of(call.start_byte)
        for r in releases:
            if r.path == path and r.name in api.releases and r.name not in api.early_release_ok:
                out.append(Finding(
                    MANAGED_RELEASE.name, r.function, r.line, r.call.start_point[1] + 1, r.name, r.arg,
                    f"{r.name}({r.arg}) releases what {name}() at line {line} manages: devres "
                    f"releases it again at unbind"))
    return out


def path_findings(model, releases, has_remove: bool) -> list[Finding]:
    walk = pathcheck.Walk(model, releases)
    if not walk.acquisitions:
        return []  # nothing is ever held: no path can leak or release twice
    try:
        walk.run()
    except pathcheck.OverBudget:
        model.walk_incomplete = True  # nothing known of its paths, for or against
        return []
    probe = model.driver.probe
    out, seen = [], set()
    for leak in sorted(walk.leaks, key=lambda l: l.ret.start_byte):
        h = leak.held
        if (h, leak.on_error) in seen:
            continue
        seen.add((h, leak.on_error))
        line = model.src.line_of(leak.ret.start_byte)
        col = leak.ret.start_point[1] + 1
        if leak.on_error:
            out.append(Finding(ERROR_PATH_LEAK.name, probe, line, col, h.api, h.target,
                               f"{h.api}() at line {h.line} ({h.target}) is not released when probe "
                               f"fails here{_via(leak.trail)}", leak.trail))
        elif has_remove and not _stored_away(model, h) and _unreleased_after_probe(model, releases, h, walk):
            out.append(Finding(REMOVE_LEAK.name, probe, line, col, h.api, h.target,
                               f"{h.api}() at line {h.line} ({h.target}) is held when probe succeeds "
                               f"here, and nothing outside probe releases it", leak.trail))
    for d in {key(d.call): d for d in reversed(walk.doubles)}.values():  # one per call
        from_fn = function_name(enclosing_function(d.call), model.src)
        out.append(Finding(DOUBLE_RELEASE.name, from_fn, model.src.line_of(d.call.start_byte),
                           d.call.start_point[1] + 1, d.name, d.arg,
                           f"{d.name}({d.arg}) releases what line {d.first_line} already "
                           f"released on this path{_via(d.trail)}", d.trail))
    return out


def _via(trail: tuple[int, ...], shown: int = 8) -> str:
    """The path's last branch points (all of them are in the JSON `path`)."""
    if not trail:
        return ""
    lines = ", ".join(map(str, trail[-shown:]))
    return f" (path through lines {'..., ' if len(trail) > shown else ''}{lines})"


def _stored_away(model, h) -> bool:
    """``h`` sits in a local of its function that is handed on (`hw = foo_alloc(dev, regs);`,
    `priv->buf = buf;`): released later under another name devmify cannot follow."""
    local = re.fullmatch(r"&?(\w+):(\w+)", h.path)
    if local is None:
        return False
    fn, name = local.groups()
    body = model.fns[fn].child_by_field_name("body") if fn in model.fns else None
    if body is None:
        return False
    for call in descendants(body, "call_expression"):
        if model.src.line_of(call.start_byte) == h.line:
            continue  # the acquisition itself
        if any(model.src.compact(a) == name for a in call.child_by_field_name("arguments").named_children):
            return True
    for asg in descendants(body, "assignment_expression"):
        left = asg.child_by_field_name("left")
        if model.src.compact(asg.child_by_field_name("right")) == name and left.type != "identifier":
            return True
    return False


def _unreleased_after_probe(model, releases, h, walk) -> bool:
    """No function but probe releases ``h``."""
    names = set(walk.apis[h.api].releases)
    for r in releases:
        if r.function == model.driver.probe or r.name not in names:
            continue
        if pathcheck.same(r.path, h.path) or walk.bound(h) or \
                (r.type_path and r.type_path == h.type_path):
            return False
    return not any(_released_by_name(model, p, walk) for p in (h.path, h.handle) if p)


def _released_by_name(model, path: str, walk) -> bool:
    """A call named like a release, outside probe, given the object or what holds it."""
    path = path.lstrip("&")
    for fi in model.every_function():
        if fi.name == model.driver.probe:
            continue
        for call in walk.calls(fi.node):
            name = model.src.text(call.child_by_field_name("function"))
            if not walk.ends(name):
                continue
            for a in call.child_by_field_name("arguments").named_children:
                p = walk.canon(fi, model.src.compact(a)).lstrip("&")
                if pathcheck.same(path, p) or path.startswith((p + "->", p + ".")):
                    return True
    return False
