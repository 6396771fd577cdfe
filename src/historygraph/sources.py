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
    """Read one registered source into a :class:`Document`.

    Markdown and HTML are reduced to plain text (offsets refer to that text).
    A source whose language is not English is recorded but not extracted
    (``Document.skipped`` says why); so is one that does not read as English.
    """
    from historygraph.formats import extract, guess_language

    path = config.directory / source.file
    text = extract(path, read_text(path)).text
    if not text.strip():
        raise SourceError(f"{path}:1: no text left after removing markup")
    doc_id = local_name(str(document_iri(config.base, source.file)))
    doc = Document(id=doc_id, path=path, text=text, title=source.title)
    if source.date:
        doc.meta["published"] = source.date  # graph.toml's date: a year-less dateline's year
    language = (source.language or "en").lower()
    if language.split("-")[0] != "en":
        doc.skipped = (
            f"language '{source.language}' is not supported (English only); recorded, not extracted"
        )
    elif len(text.split()) >= 50 and guess_language(text) is None:
        doc.skipped = (
            "does not read as English; recorded, not extracted (set language in graph.toml)"
        )
    return doc
