"""ingest stage: files, folders, globs -> ``Document`` / ``Rejection``.

Formats: plain text, HTML, JSON Lines / JSON (common news dumps), each optionally
gzip-compressed; WARC archives and RSS/Atom feeds with the ``formats`` extra.
"""

from newsweave.ingest.decode import decode_bytes, detect_encoding
from newsweave.ingest.names import display_name, name_bytes
from newsweave.ingest.readers import (
    MAX_DOCUMENT_BYTES,
    count_inputs,
    expand_paths,
    read_file,
    read_paths,
)
from newsweave.ingest.records import parse_date, record_to_document, record_to_items
from newsweave.ingest.sniff import is_feed, sniff_format

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "count_inputs",
    "decode_bytes",
    "detect_encoding",
    "display_name",
    "expand_paths",
    "is_feed",
    "name_bytes",
    "parse_date",
    "read_file",
    "read_paths",
    "record_to_document",
    "record_to_items",
    "sniff_format",
]
