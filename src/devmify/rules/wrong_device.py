"""What it does
    Refuses an allocation where the device being bound is not in scope.

Why it matters
    devm memory lives as long as the device it is attached to.  A helper that receives
    some `struct device *` might be handed a parent, a child or a component device; the
    memory would then be freed at the wrong unbind.  devmify converts only where it can
    prove the device is the one probe received (the probe parameter, a `dev` local set
    from it, or a helper parameter every caller passes it as).

Example
    static int foo_setup(struct foo *priv)          /* no device here */
    {
        priv->buf = kzalloc(SZ, GFP_KERNEL);

Instead
    Pass the bound device down to the helper, or convert by hand.
"""

CODE = "DV008"
NAME = "wrong-device"
SUMMARY = "the device being bound is not provably in scope"


def check(f):
    if f.acq.device is None:
        return f"no expression for the bound device is in scope in {f.acq.function}()"
    return None
