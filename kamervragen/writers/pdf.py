"""PDF writer: the HTML writer's page, printed by WeasyPrint with ``templates/print.css``.

Printing the HTML (rather than laying out the PDF separately) means the browser view and the
print cannot drift apart.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import unquote, urlsplit

import weasyprint
from weasyprint.urls import URLFetcher

from kamervragen import model
from kamervragen.errors import RenderError
from kamervragen.writers.html import write_html
from kamervragen.writers.templating import template_source, templates_dir


class AssetsOnlyFetcher(URLFetcher):
    """Fetch only files inside the templates folder; refuse every other URL.

    The HTML holds text from the source PDF. Although autoescaping keeps it from becoming markup,
    the printer must never reach the network or the file system on a document's behalf
    (``file:///etc/passwd``, tracking pixels), whatever ends up in the page.
    """

    def __init__(self, root: Path | None = None) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.root = (root or templates_dir()).resolve()

    def fetch(self, url: str, headers: object = None) -> weasyprint.urls.URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise ValueError(f"refused to fetch {url!r}: only the package's own assets are allowed")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            raise ValueError(f"refused to fetch {url!r}: not an asset in {self.root}")
        return weasyprint.urls.URLFetcherResponse(url, path.read_bytes())


def write_pdf(doc: model.Document) -> bytes:
    """Render ``doc`` to PDF bytes; the same document always gives the same bytes."""
    html = write_html(doc)
    fetcher = AssetsOnlyFetcher()
    base_url = templates_dir().as_uri() + "/"
    try:
        stylesheet = weasyprint.CSS(
            string=template_source("print.css"), base_url=base_url, url_fetcher=fetcher
        )
        rendered = weasyprint.HTML(
            string=html.decode("utf-8"), base_url=base_url, url_fetcher=fetcher
        ).render(stylesheets=[stylesheet])
        # Deterministic output: no creation or modification date (WeasyPrint would take them from
        # <meta name="dcterms.created">; we set them to None explicitly so that no template change
        # can bring back a clock), and a file identifier derived from the content instead of a
        # random one. A rerun of the workflow then produces the same bytes, so Snakemake and a
        # reviewer see no spurious change.
        rendered.metadata.created = None
        rendered.metadata.modified = None
        rendered.metadata.title = doc.title
        rendered.metadata.lang = "nl"
        identifier = hashlib.sha256(html).hexdigest()[:32].encode("ascii")
        return rendered.write_pdf(pdf_identifier=identifier)
    except (OSError, ValueError) as exc:  # e.g. a font or stylesheet that cannot be read
        raise RenderError(
            f"PDF rendering failed ({type(exc).__name__}: {exc})",
            document=doc.metadata.source_file,
        ) from exc
