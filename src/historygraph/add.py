"""``historygraph add``: copy a source into a graph and register it in graph.toml."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from historygraph.config import MANIFEST, SourceConfig, load_config
from historygraph.errors import ConfigError, SourceError
from historygraph.formats import SUPPORTED, TEXT_SUFFIXES, extract, guess_language
from historygraph.fsutil import atomic_write_text
from historygraph.sources import read_text


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string


def _heading(text: str) -> str:
    """The text's first line when it is short enough to be its heading, else ``""``."""
    line = text.strip().splitlines()[0].strip() if text.strip() else ""
    return line if len(line) <= 120 else ""


def add_source(
    graph_dir: Path,
    file: Path,
    *,
    title: str | None = None,
    author: str | None = None,
    publisher: str | None = None,
    date: str | None = None,
    url: str | None = None,
    language: str | None = None,
    force: bool = False,
) -> SourceConfig:
    """Copy ``file`` into ``GRAPH_DIR/sources/`` and append a ``[[sources]]`` entry.

    Raises:
        ConfigError: no graph.toml, or the source is registered already.
        SourceError: the file is missing, unreadable, not UTF-8, empty or of an
            unsupported type.
    """
    config = load_config(graph_dir, require_sources=False)
    suffix = file.suffix.lower()
    if suffix not in SUPPORTED:
        raise SourceError(
            f"{file}: unsupported file type '{suffix}' (use {', '.join(sorted(SUPPORTED))})"
        )
    raw = read_text(file)
    extracted = extract(file, raw)
    if not extracted.text.strip():
        raise SourceError(f"{file}:1: no text left after removing markup")
    sources_dir = graph_dir / "sources"
    sources_dir.mkdir(exist_ok=True)
    original = sources_dir / file.name
    text_file = original if suffix in TEXT_SUFFIXES else sources_dir / f"{file.stem}.txt"
    registered = {s.file for s in config.sources}
    rel_text = text_file.relative_to(graph_dir).as_posix()
    if rel_text in registered and not force:
        raise ConfigError(
            f"{graph_dir / MANIFEST}: {rel_text} is registered already (use --force to replace it)"
        )
    for target in {original, text_file}:
        if target.exists() and not force and target.resolve() != file.resolve():
            raise SourceError(f"{target}: exists already (use --force to replace it)")
    if original.resolve() != file.resolve():
        shutil.copyfile(file, original)
    if text_file != original:
        atomic_write_text(text_file, extracted.text)
    meta = extracted.meta
    entry = SourceConfig(
        file=rel_text,
        title=title or meta.get("title") or _heading(extracted.text) or file.stem,
        author=author or meta.get("author"),
        publisher=publisher or meta.get("publisher"),
        date=date or meta.get("date"),
        url=url or meta.get("url"),
        language=language or meta.get("language") or guess_language(extracted.text) or "und",
        original=None if text_file == original else original.relative_to(graph_dir).as_posix(),
    )
    if rel_text not in registered:
        lines = ["", "[[sources]]"]
        for key in ("file", "title", "author", "publisher", "date", "url", "language", "original"):
            value = getattr(entry, key)
            if value:
                lines.append(f"{key} = {_toml_string(value)}")
        manifest = graph_dir / MANIFEST
        atomic_write_text(
            manifest,
            manifest.read_text(encoding="utf-8").rstrip("\n") + "\n" + "\n".join(lines) + "\n",
        )
    return entry
