"""What it does
    Refuses every acquisition of a resource class the configuration leaves out of
    `apis` (`apis = ["memory"]` in `.devmify.toml` or `[tool.devmify]`, a
    `[paths."GLOB"]` table, or `--apis memory`).  It is asked before every other rule,
    so the reason given is the configuration.

Why it matters
    A class switched off is not skipped silently: its resources stay unmanaged, released
    by hand, and that decides what else may convert.  devres releases after remove()
    returns, so memory that an IRQ handler reads may still become devm while the IRQ
    stays by hand (free_irq() in remove() runs first).  The other way round is refused:
    a devm IRQ whose handler reads memory remove() still frees would fire on freed
    memory (DV019); and under `--policy all-or-nothing` a class switched off keeps the
    whole driver as it is (DV009).  Reported as a refusal, the resource is seen by those
    rules as any other that stays unmanaged, and the reader learns why it stayed.

Example
    # .devmify.toml
    apis = ["memory"]

    priv = kzalloc(sizeof(*priv), GFP_KERNEL);                /* converts */
    ret = request_irq(priv->irq, foo_isr, 0, "foo", priv);    /* DV023: irq is off */

Instead
    Add the class to `apis` (in the file, in the `[paths."GLOB"]` table that matches the
    driver, or with `--apis`) where the subsystem takes that conversion;
    `devmify --show-config` prints which setting applies.
"""

CODE = "DV023"
NAME = "class-off"
SUMMARY = "its resource class is switched off by the configuration (`apis`)"


def check(f):
    cls = f.acq.api.cls
    if cls not in f.classes:
        return f"{cls} is not among the configured apis: {f.acq.api.name}() is left as it is"
    return None
