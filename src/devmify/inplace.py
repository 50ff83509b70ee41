"""--in-place: replacing a source file so that it is never lost or half-written.

The new text goes to a temporary file in the same directory (same filesystem), is
flushed to disk, gets the original's mode (and owner, where allowed), and is renamed
over the original: a reader, a crash or a kill sees the old file or the new one, never
a mix.  Like ``patch``, the rename gives a hard-linked file (``cp -al`` trees) a copy
of its own.  A symlink is followed and its target replaced, but only when the target
is inside the tree devmify was given; and nothing is written when the file is no longer
the one devmify read (an editor or another run changed it meanwhile).
"""

from __future__ import annotations

import hashlib
import os
import tempfile

from .problems import NOT_WRITTEN, Problem


def digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def write_back(path: str, root: str, read_digest: bytes, data: bytes) -> Problem | None:
    """Replace the file at ``path`` (found under ``root``) with ``data`` if it still
    holds what was read; else, or if the write fails, the problem, with nothing changed."""
    target = os.path.realpath(path)
    inside = os.path.realpath(root)
    if os.path.commonpath([target, inside]) != inside:
        return _refused(f"a symlink leading outside {root} (to {target}); not written")
    tmp = None
    try:
        st = os.stat(target)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".devmify-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, st.st_mode & 0o7777)
        if st.st_uid != os.geteuid() or st.st_gid != os.getegid():
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except PermissionError:
                pass  # only root may give a file away; the mode is kept regardless
        with open(target, "rb") as fh:  # as late as possible before the rename
            if digest(fh.read()) != read_digest:
                return _refused("changed on disk since devmify read it; not written")
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        return _refused(f"cannot write it: {exc.strerror or exc}; left as it was")
    finally:
        if tmp is not None:
            os.unlink(tmp)
    return None


def _refused(message: str) -> Problem:
    return Problem(NOT_WRITTEN.name, message)
