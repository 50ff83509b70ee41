"""What it does
    Refuses a resource that probe releases again before it returns successfully: a
    scratch buffer, an IRQ used only while probing, a region claimed to detect hardware.

Why it matters
    A buffer released on probe's success path is scratch space, not a resource with the
    device's lifetime.  devm memory is freed only when probe fails or the driver
    unbinds, so converting it keeps the buffer alive for as long as the device is bound
    (the seed's sunxi_sid `entropy` buffer).

Example
    buf = kzalloc(len, GFP_KERNEL);
    read_otp(priv, buf, len);
    add_device_randomness(buf, len);
    kfree(buf);
    return 0;

Instead
    Keep kzalloc()/kfree() for the scratch buffer; only device-lifetime state goes devm.
"""

CODE = "DV001"
NAME = "transient"
SUMMARY = "released on probe's success path: not a device-lifetime resource"


def check(f):
    for r in f.releases:
        if r.context == "probe-success":
            what = "a scratch buffer" if f.acq.api.cls == "memory" else "used only while probing"
            return (f"{r.name}({r.arg}) at line {r.line} runs when probe succeeds: {what}, "
                    f"not a device-lifetime resource")
    return None
