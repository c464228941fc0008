"""The (import) stage before read: a blog's RSS/Atom feed becomes post files in ``posts/``.

``podcaster.http`` is the one HTTP session (allowed origins only, retries, a deadline,
conditional requests, size limit), ``robots``
its robots.txt rules for post pages, ``feed`` parses the feed, ``extract`` turns a post's
HTML (from the feed, or the page's main content) into clean HTML, ``post`` names and writes
the post file, ``record`` remembers what was imported, and ``run`` does an import.
"""

from podcaster.http import Fetcher, FetchError
from podcaster.importer.options import ImportOptions
from podcaster.importer.run import ImportResult, import_feed

__all__ = ["FetchError", "Fetcher", "ImportOptions", "ImportResult", "import_feed"]
