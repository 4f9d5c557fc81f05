"""Writers: one function per output format, ``(Document, WriteOptions) -> bytes``, looked up in
:data:`WRITERS`.

A new format is one new module and one entry in :data:`kamervragen.outputs.OUTPUTS` (pandoc's
writer table). Writers do no file I/O; the CLI writes what they return.

The table imports a writer's module only when that writer is used: ``import weasyprint`` alone
costs about a second per process, which a job that renders HTML or Akoma Ntoso should not pay.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from kamervragen.outputs import OUTPUTS, Writer

# format -> (module, function): the outputs that `kamervragen render` makes
_TABLE: dict[str, tuple[str, str]] = {
    name: output.writer
    for name, output in OUTPUTS.items()
    if output.step == "render" and output.writer is not None
}


class _Writers(Mapping[str, Writer]):
    """The writer table; each writer's module is imported on first use."""

    def __getitem__(self, name: str) -> Writer:
        if name not in _TABLE:
            raise KeyError(name)
        return OUTPUTS[name].write()

    def __iter__(self) -> Iterator[str]:
        return iter(_TABLE)

    def __len__(self) -> int:
        return len(_TABLE)


WRITERS: Mapping[str, Writer] = _Writers()


def prepare(formats: Iterable[str]) -> None:
    """Load what the writers of ``formats`` need (modules, compiled templates, schemas, fonts)
    before the first document. A batch then fails at once on a broken template or a missing font
    rather than on every document, and its first document costs what the others cost, so that
    the time a batch logs per document is the document's own (bench/bench.py reads it)."""
    for name in formats:
        if name in _TABLE:
            importlib.import_module(_TABLE[name][0]).prepare()


def __getattr__(name: str) -> Any:
    """``from kamervragen.writers import write_pdf`` still works, importing on demand."""
    for module, function in _TABLE.values():
        if function == name:
            return getattr(importlib.import_module(module), function)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["WRITERS", "Writer", "prepare", "write_akn", "write_html", "write_pdf"]
