"""The sandbox every reader runs in: a forked child process held to the read limits.

A reader's engine is native code, and native code fails in ways Python cannot catch. PDFium (C++),
for one, inflates a compressed stream whole (a 4 MB file became 5 GB of resident memory), and when
an allocation fails it aborts the process (SIGABRT) instead of raising; a loop inside one page
cannot be interrupted from Python either. So :func:`run_isolated` reads in a forked child with an
address-space ceiling (RLIMIT_AS), no core dumps and a CPU-time backstop, while the parent keeps the
wall clock and learns from the child which page it is on: whatever happens to the child, the parent
reports one line naming the file, the page and the limit.

Nothing here knows about PDF: the reader is a function ``read(path, limits, *, progress)`` that
calls ``progress(page)`` before each page and returns a :class:`~kamervragen.layout.Layout`. A reader
whose work grows with what it finds (OCR: seconds per recognised page) asks for more time with
:func:`extend_time` before it starts that work.
"""

from __future__ import annotations

import contextlib
import faulthandler
import gc
import math
import os
import pickle
import resource
import select
import signal
import struct
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, NoReturn, Protocol

from kamervragen.errors import InputError, LimitExceededError
from kamervragen.layout import Layout
from kamervragen.limits import ReadLimits, out_of_memory, raise_with

__all__ = ["SandboxedRead", "extend_time", "run_isolated"]


class SandboxedRead(Protocol):
    """A reader as the sandbox runs it: ``progress`` is called with each page number before that
    page is read."""

    def __call__(
        self, path: Path, limits: ReadLimits, *, progress: Callable[[int], None] | None
    ) -> Layout: ...


# The child's CPU limit is a backstop for when the parent is gone (it kills on the wall clock).
_CPU_BACKSTOP_SECONDS = 30
# A child that dies of a signal after growing by this share of the memory ceiling ran out of
# memory. Growth, not peak: on Linux a forked child inherits its parent's peak resident size
# (``ru_maxrss`` starts at the parent's high-water mark), so a crash in a child of a large
# process (a test run, a long batch) would otherwise read as an allocation failure.
_MEMORY_DEATH_SHARE = 0.25
_FRAME = struct.Struct("!Q")  # each message: its length, then a pickle of (kind, value)
_CHILD_FAILED = 70  # the child's exit status when it could not send its result
# In the child: how to ask the parent for more time (see extend_time); None outside a sandbox.
_extend: Callable[[float], None] | None = None


def extend_time(seconds: float) -> None:
    """Allow the read ``seconds`` more than ``limits.max_seconds`` (wall clock, and the child's
    CPU backstop). Called by a reader inside the sandbox before work whose size it has just
    learnt; outside a sandbox it does nothing."""
    if _extend is not None and seconds > 0:
        _extend(seconds)


def run_isolated(read: SandboxedRead, path: Path, limits: ReadLimits, *, engine: str) -> Layout:
    """``read(path, limits)`` in a forked child process held to ``limits``, memory and time included.

    A crash of the reader's ``engine`` (named in the message, e.g. ``PDFium``), an allocation
    beyond ``limits.max_memory`` or a page that runs past ``limits.max_seconds`` costs the child,
    never the caller: each becomes an :class:`InputError` (usually :class:`LimitExceededError`)
    naming the file and the page. The caller's own limits are not touched. Calls ``read`` in this
    process where ``fork`` is not available.
    """
    if not hasattr(os, "fork"):
        return read(path, limits, progress=None)
    name = path.name
    started = time.monotonic()
    inherited_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns to the caller
        status = _CHILD_FAILED
        try:
            os.close(read_end)
            _child(read, path, limits, write_end, parent=os.getppid())
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    page: int | None = None
    message: tuple[str, object] | None = None
    timed_out = False
    allowed = limits.max_seconds  # plus what the reader asked for (extend_time)
    try:
        # Unbuffered, so that select() sees every byte the child sent that is not read yet.
        with os.fdopen(read_end, "rb", buffering=0) as stream:
            while message is None:
                remaining = started + allowed - time.monotonic()
                ready, _, _ = select.select([stream], [], [], max(remaining, 0))
                if not ready:
                    timed_out = True
                    break
                frame = _receive(stream)
                if frame is None:
                    break  # the child died
                kind, value = frame
                if kind == "page":
                    assert isinstance(value, int)
                    page = value
                elif kind == "extend":
                    assert isinstance(value, float)
                    allowed += value
                else:
                    message = frame
    finally:
        if message is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        _, wait_status, usage = os.wait4(pid, 0)
    if message is not None:
        kind, value = message
        if kind == "layout":
            assert isinstance(value, Layout)
            return value
        if kind == "error":
            assert isinstance(value, InputError)
            raise value
        raise RuntimeError(f"{name}: the reader failed with a bug:\n{value}")
    if timed_out and allowed > limits.max_seconds:
        raise LimitExceededError(
            f"time limit of {allowed:g} s reached ({limits.max_seconds:g} s, plus "
            f"{limits.max_ocr_seconds_per_page:g} s a page for OCR); reading was stopped",
            document=name,
            page=page,
            expected=f"a PDF read within {allowed:g} s; " + raise_with("max_ocr_seconds_per_page"),
        )
    if timed_out:
        raise LimitExceededError(
            f"time limit of {limits.max_seconds:g} s reached; reading was stopped",
            document=name,
            page=page,
            expected=f"a PDF read within {limits.max_seconds:g} s; " + raise_with("max_seconds"),
        )
    return _child_death(name, page, limits, wait_status, usage, inherited_peak, engine=engine)


def _child(
    read: SandboxedRead, path: Path, limits: ReadLimits, write_end: int, *, parent: int
) -> None:
    faulthandler.disable()  # a crash is reported by the parent, in one line
    # The parent's objects are the child's only by copy-on-write, and none of them becomes garbage
    # here: a full collection would walk (and so copy) every one of them. Reading one document
    # made one such collection, 43 ms in a chunk process with WeasyPrint loaded (a third of
    # reading an Aanhangsel). Only what the reader makes is the child's to collect.
    gc.freeze()
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crash must not write core files
    if limits.max_memory:
        resource.setrlimit(resource.RLIMIT_AS, (limits.max_memory, limits.max_memory))
    cpu = math.ceil(limits.max_seconds) + _CPU_BACKSTOP_SECONDS
    # The hard limit leaves room for extend_time to raise the soft one (the soft limit's SIGXCPU
    # ends the child; the hard limit is only the kernel's last word).
    hard = cpu + 5 + math.ceil(limits.max_pages * limits.max_ocr_seconds_per_page)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, hard))
    with os.fdopen(write_end, "wb") as stream:

        def progress(page: int) -> None:
            if os.getppid() != parent:  # the parent was killed: nobody waits for the result
                os._exit(_CHILD_FAILED)
            _send(stream, ("page", page))

        def extend(seconds: float) -> None:
            nonlocal cpu
            cpu += math.ceil(seconds)
            with contextlib.suppress(ValueError, OSError):
                resource.setrlimit(resource.RLIMIT_CPU, (min(cpu, hard), hard))
            _send(stream, ("extend", float(seconds)))

        global _extend
        _extend = extend

        try:
            result: tuple[str, object] = ("layout", read(path, limits, progress=progress))
        except InputError as error:
            error.__cause__ = error.__context__ = None  # the cause's traceback does not pickle
            result = ("error", error)
        except MemoryError:
            result = ("error", out_of_memory(path.name, None, limits))
        except Exception:
            result = ("bug", traceback.format_exc())
        _send(stream, result)


def _send(stream: BinaryIO, message: tuple[str, object]) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_FRAME.pack(len(data)) + data)
    stream.flush()


def _receive(stream: BinaryIO) -> tuple[str, object] | None:
    """The next message from the child, or None when the pipe closed before a whole one came."""
    header = _read_exactly(stream, _FRAME.size)
    if header is None:
        return None
    data = _read_exactly(stream, _FRAME.unpack(header)[0])
    if data is None:
        return None
    message = pickle.loads(data)  # from our own forked child only
    assert isinstance(message, tuple) and len(message) == 2
    return message


def _read_exactly(stream: BinaryIO, size: int) -> bytes | None:
    """``size`` bytes from an unbuffered pipe (a raw read may return fewer), None at its end."""
    parts: list[bytes] = []
    while size:
        part = stream.read(size)
        if not part:
            return None
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def _child_death(
    name: str,
    page: int | None,
    limits: ReadLimits,
    wait_status: int,
    usage: Any,
    inherited_peak: int,
    *,
    engine: str,
) -> NoReturn:
    """Explain why the child ended without a result: memory, CPU time, or a crash of the engine.

    ``inherited_peak`` is the parent's peak resident size at the fork (bytes), which the child's
    own ``ru_maxrss`` starts from."""
    grown = usage.ru_maxrss * 1024 - inherited_peak  # kilobytes on Linux
    if os.WIFSIGNALED(wait_status):
        number = os.WTERMSIG(wait_status)
        cause = signal.Signals(number).name if number in signal.valid_signals() else str(number)
        if number == signal.SIGXCPU:
            raise LimitExceededError(
                f"CPU time limit reached while reading the page ({cause})",
                document=name,
                page=page,
                expected=f"a PDF read within {limits.max_seconds:g} s; "
                + raise_with("max_seconds"),
            )
        if limits.max_memory and grown >= _MEMORY_DEATH_SHARE * limits.max_memory:
            raise out_of_memory(name, page, limits)
        problem = f"{engine} crashed ({cause}) while reading it"
    else:
        if limits.max_memory and grown >= _MEMORY_DEATH_SHARE * limits.max_memory:
            raise out_of_memory(name, page, limits)
        problem = f"the reader stopped without a result (exit status {os.WEXITSTATUS(wait_status)})"
    raise InputError(
        problem, document=name, page=page, expected=f"a valid PDF that {engine} can read"
    )
