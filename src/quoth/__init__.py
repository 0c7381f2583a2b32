"""quoth: who said what, when, to whom and about what, from news articles.

    >>> import quoth
    >>> article = quoth.extract('"We will win," she said.')
    >>> article.quotes[0].text
    '"We will win,"'
"""

from quoth.errors import InputError, QuothError, UsageError
from quoth.model import Article, Dateline, Quote

__all__ = ["Article", "Dateline", "InputError", "Quote", "QuothError", "UsageError", "extract"]
__version__ = "0.1.0"


def extract(text: str, published: str | None = None, **options):
    """Every attribution in one article's text; see :func:`quoth.pipeline.extract`."""
    from quoth.pipeline import extract as _extract

    return _extract(text, published=published, **options)
