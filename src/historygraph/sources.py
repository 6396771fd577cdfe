"""Reading source documents: UTF-8 plain text, exactly as stored."""

from __future__ import annotations

from pathlib import Path

from historygraph.config import GraphConfig, SourceConfig
from historygraph.document import Document
from historygraph.errors import SourceError
from historygraph.iri import document_iri, local_name


def read_text(path: Path) -> str:
    """The UTF-8 text of ``path`` (a leading BOM is kept as text would be offset otherwise).

    Raises:
        SourceError: missing, unreadable, not UTF-8, or empty; the message
            names the file and, for bad bytes, the byte offset.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError as e:
        raise SourceError(f"{path}: source not found (registered in graph.toml)") from e
    except OSError as e:
        raise SourceError(f"{path}: cannot read ({e.strerror})") from e
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise SourceError(
            f"{path}:{line}: not valid UTF-8 (byte {e.start}); convert it to UTF-8"
        ) from e
    if "\x00" in text:
        raise SourceError(
            f"{path}:{text[: text.index(chr(0))].count(chr(10)) + 1}: binary file (NUL byte)"
        )
    if not text.strip():
        raise SourceError(f"{path}:1: empty source: nothing to extract")
    return text


def load_document(config: GraphConfig, source: SourceConfig) -> Document:
    """Read one registered source into a :class:`Document`."""
    path = config.directory / source.file
    text = read_text(path)
    doc_id = local_name(str(document_iri(config.base, source.file)))
    return Document(id=doc_id, path=path, text=text, title=source.title)
