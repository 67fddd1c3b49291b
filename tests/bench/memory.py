"""Peak memory of this process, for the benches' memory targets."""

from __future__ import annotations

import resource
from pathlib import Path


def peak_rss_mb() -> float:
    """The most resident memory this process has had, in MiB.

    Linux keeps ``ru_maxrss`` across ``execve``: a bench child started by a parent that had
    just generated a large workspace would report the parent's peak. ``VmHWM`` belongs to the
    process's own address space, so it is read where it exists.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
