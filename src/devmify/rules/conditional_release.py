"""What it does
    Refuses a resource that remove() releases only when some runtime condition holds.

Why it matters
    devres frees managed memory unconditionally at unbind.  When remove() frees the
    object only on some condition (`if (rc == 0) kfree(p)`, or after an early return),
    the other branch deliberately keeps it alive; devm would free it anyway.

Example
    static int foo_remove(struct platform_device *pdev)
    {
        struct foo *priv = platform_get_drvdata(pdev);

        if (priv->shared)
            return 0;
        kfree(priv);
        return 0;
    }

Instead
    Leave it unmanaged, or make the condition's other branch not need the memory first.
"""

CODE = "DV005"
NAME = "conditional-release"
SUMMARY = "freed in remove() only when a runtime condition holds"


def check(f):
    for r in f.releases:
        if r.context == "remove-conditional":
            return f"{r.name}({r.arg}) at line {r.line} in {r.function}() is conditional: devres would release it unconditionally"
    return None
