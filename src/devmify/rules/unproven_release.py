"""What it does
    Refuses memory that is freed somewhere devmify cannot delete the free from.

Why it matters
    A conversion is correct only if every kfree() of the object goes.  A kfree() left
    in an ioctl, a work item, a release callback, or in probe outside a recognised error
    exit would free devm memory by hand: a double free at unbind.  The same holds for a
    kfree() elsewhere of a local of the same type that devmify cannot link to the object.

Example
    static int foo_release(struct inode *inode, struct file *file)
    {
        struct foo *priv = file->private_data;

        kfree(priv);

Instead
    Leave it unmanaged; or restructure so that only probe, its error exits and remove()
    free it, then run devmify again.
"""

CODE = "DV010"
NAME = "unproven-release"
SUMMARY = "freed where the release cannot be proven redundant"


def check(f):
    for r in f.releases:
        if r.context == "elsewhere":
            return f"{r.name}({r.arg}) at line {r.line} in {r.function}() is not on a probe error exit or in remove()"
    for r in f.suspects:
        return f"{r.name}({r.arg}) at line {r.line} in {r.function}() may release the same object ({f.acq.type_path})"
    return None
