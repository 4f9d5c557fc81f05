"""Writers: one function per output format, ``Document -> bytes``, looked up in :data:`WRITERS`.

A new format is one new module and one line in the table (pandoc's writer table). Writers do no
file I/O; the CLI writes what they return.
"""

from __future__ import annotations

from collections.abc import Callable

from kamervragen.model import Document
from kamervragen.writers.akn import write_akn
from kamervragen.writers.html import write_html
from kamervragen.writers.pdf import write_pdf

Writer = Callable[[Document], bytes]

WRITERS: dict[str, Writer] = {"html": write_html, "pdf": write_pdf, "akn": write_akn}

__all__ = ["WRITERS", "Writer", "write_akn", "write_html", "write_pdf"]
