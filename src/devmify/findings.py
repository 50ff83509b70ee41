"""Bugs found in a driver as it is (JSON `findings`, report lines, `devmify check`).

managed-release
    A resource acquired with its managed form and released by hand with the unmanaged
    release: `kfree()` of `devm_kzalloc()` memory (the kernel's devm_free.cocci, smatch's
    check_freeing_devm), `free_irq()` of a `devm_request_irq()` line, `iounmap()` of a
    `devm_ioremap()` mapping, `clk_put()` of a `devm_clk_get()` clock.  devres releases it
    once more at unbind: a double free, a double put, a WARN.  Use the `devm_` release
    (`devm_kfree()`, `devm_free_irq()`) where it must go early, or nothing at all.
    Only where the object has that one source (a pointer assigned elsewhere too may hold
    unmanaged memory on that path).

The same check runs on every converted driver: a conversion that would leave such a
release is never emitted (DV015).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import catalogue

MANAGED_RELEASE = "managed-release"


@dataclass(frozen=True)
class Finding:
    kind: str
    function: str
    line: int
    column: int
    call: str
    target: str
    message: str

    @property
    def key(self) -> tuple[str, str, str]:
        """What the finding is about, without where: to compare before and after a patch."""
        return self.kind, self.call, self.target


def find(model, releases) -> list[Finding]:
    """``releases``: the driver's release calls (DriverModel.releases), as the plan has them."""
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
                    MANAGED_RELEASE, r.function, r.line, r.call.start_point[1] + 1, r.name, r.arg,
                    f"{r.name}({r.arg}) releases what {name}() at line {line} manages: devres "
                    f"releases it again at unbind"))
    return sorted(set(out), key=lambda f: (f.line, f.column))
