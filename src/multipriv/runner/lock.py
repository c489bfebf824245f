"""One writer per run folder: `eval` holds an OS lock on `<run folder>/<model>/.lock` while it works there.

Why an OS lock (flock on POSIX, a byte-range lock on Windows): the operating system releases it when the
process ends, however it ends (kill -9 included), so a killed run never leaves a stale lock to clear by hand,
and no process id needs guessing. The holder writes its process id into the file, only so that a second eval
can name it in its one-line refusal. The file is never deleted: deleting a lock file lets two processes lock two
different files of the same name.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from multipriv.errors import MultiPrivError

LOCK_NAME = ".lock"


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # BlockingIOError: another open file holds it
        return False
    return True


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip() if hasattr(os, "pread") else ""
    except OSError:
        text = ""
    return f"process {text}" if text.isdigit() else "another process"


class RunLock:
    """`with RunLock(folder):` holds `folder/.lock` or raises MultiPrivError naming the holder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise MultiPrivError(f"cannot write to {self.folder}: {exc.strerror or exc}") from None
        if not _try_lock(fd):
            holder = _holder(fd)
            os.close(fd)
            raise MultiPrivError(f"{self.folder}: {holder} is already writing this run; wait for it to end or "
                                 f"use another output folder")
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)  # closing the last descriptor releases the lock

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
                 ) -> None:
        self.release()
