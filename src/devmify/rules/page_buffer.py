"""What it does
    Refuses a page-sized (or larger power-of-two) allocation: `PAGE_SIZE`, `SZ_4K` and
    up, or a literal power of two of at least 4096 bytes.

Why it matters
    devm memory carries a devres header in front of the caller's bytes.  A buffer of
    exactly PAGE_SIZE then needs an order-1 allocation (twice the memory) and is no
    longer page aligned, which breaks buffers handed to hardware or to a hypervisor by
    physical address (`__pa()`, DMA of a whole page).

Example
    con_read_page = kzalloc(PAGE_SIZE, GFP_KERNEL);
    ...
    sun4v_con_read(__pa(con_read_page), PAGE_SIZE, ...);

Instead
    Use devm_get_free_pages() / devm_free_pages() (or keep __get_free_page()) for page
    buffers; convert only object-sized allocations to devm_kzalloc().
"""

import re

CODE = "DV017"
NAME = "page-buffer"
SUMMARY = "a page-sized buffer: the devres header would double it and break alignment"

_PAGE = re.compile(r"\b(PAGE_SIZE|SZ_\d+[KM])\b")


def _big_power_of_two(text: str) -> bool:
    try:
        value = int(text.rstrip("uUlL"), 0)
    except ValueError:
        return False
    return value >= 4096 and value & (value - 1) == 0


def check(f):
    if f.acq.api.cls != "memory":  # about kmalloc-family objects only
        return None
    args = f.acq.call.child_by_field_name("arguments").named_children
    size_args = args[:-1]  # everything but the gfp flags
    for a in size_args:
        text = f.src.compact(a)
        if _PAGE.search(text) or _big_power_of_two(text):
            return f"{f.acq.api.name}({text}, ...) is page-sized: devm's header makes it order+1 and unaligned"
    return None
