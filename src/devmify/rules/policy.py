"""What it does
    Under `--policy all-or-nothing`, refuses every conversion in a driver in which any
    resource would stay unmanaged: a refused allocation, or an acquisition that has a
    managed form in 6.1 (`request_irq`, `input_allocate_device`, `clk_get`, ...) which
    devmify does not convert.

Why it matters
    devres releases after remove() returns, in reverse order of acquisition.  A driver
    that mixes managed and hand-released resources is harder to review: the reader has
    to check, for each resource, which mechanism frees it and in what order.  Some
    maintainers (input, for one) therefore accept devm conversions only when the whole
    driver converts.  The default policy, `prefix`, converts each resource whose
    release order is kept; for memory, which nothing calls back into, that is every
    allocation the other rules accept.

Example
    priv = kzalloc(sizeof(*priv), GFP_KERNEL);      /* convertible */
    input = input_allocate_device();                /* has a devm form, stays */
    devmify --policy all-or-nothing  ->  nothing in this driver is converted

Instead
    Convert the remaining resources (by hand, or with a later devmify), or use the
    default policy where the subsystem accepts partial conversions.
"""

CODE = "DV009"
NAME = "policy"
SUMMARY = "all-or-nothing: something else in the driver stays unmanaged"
POLICIES = ("prefix", "all-or-nothing")
