"""Reading: from a path, bytes or stdin to a :class:`Document` (text plus metadata).

Readers do the I/O; everything after them is pure. A reader never edits the text it hands on in a
way offsets could not follow: for ``.txt`` the text is the file decoded with ``newline=""``; for HTML
it is the extracted text, which ``--format json`` includes.
"""

from quoth.reading.document import DEFAULT_MAX_BYTES, Document
from quoth.reading.files import iter_paths, read_bytes, read_path

__all__ = ["DEFAULT_MAX_BYTES", "Document", "iter_paths", "read_bytes", "read_path"]
