"""What it does
    Refuses a driver whose rewritten text would not be clean: the result parses with
    more errors than the original, or a cleanup would leave an empty `else`, an `if`
    with a side-effecting condition and no body, or overlapping edits.

Why it matters
    devmify's promise is that every patch parses, compiles where the original compiled,
    and reads like one a maintainer would write.  When it cannot keep that promise for
    a driver, it emits nothing for the driver rather than something half-right.

Example
    if (foo_power_off(priv)) {
        kfree(priv->buf);       /* the only statement: deleting it leaves `if (...) {}` */
    }

Instead
    Convert that driver by hand; the JSON report lists what devmify would have done.
"""

CODE = "DV015"
NAME = "rewrite-check"
SUMMARY = "the rewritten driver would not be clean, so nothing is emitted for it"
