"""``historygraph add``: copy sources into a graph and register them in graph.toml."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from historygraph.config import MANIFEST, SourceConfig, load_config, toml_string
from historygraph.errors import ConfigError, SourceError
from historygraph.formats import SUPPORTED, TEXT_SUFFIXES, extract, guess_language
from historygraph.fsutil import atomic_write_text
from historygraph.sources import read_text


def _heading(text: str) -> str:
    """The text's first line when it is short enough to be its heading, else ``""``."""
    line = text.strip().splitlines()[0].strip() if text.strip() else ""
    return line if len(line) <= 120 else ""


@dataclass(frozen=True)
class _Planned:
    """One source checked and ready to copy in: nothing is written until every one is."""

    file: Path
    original: Path
    text_file: Path
    text: str
    entry: SourceConfig


def _plan(
    graph_dir: Path,
    file: Path,
    registered: set[str],
    meta_given: dict[str, str | None],
    force: bool,
) -> _Planned:
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
    original = sources_dir / file.name
    text_file = original if suffix in TEXT_SUFFIXES else sources_dir / f"{file.stem}.txt"
    rel_text = text_file.relative_to(graph_dir).as_posix()
    if rel_text in registered and not force:
        raise ConfigError(
            f"{graph_dir / MANIFEST}: {rel_text} is registered already (use --force to replace it)"
        )
    for target in {original, text_file}:
        if target.exists() and not force and target.resolve() != file.resolve():
            raise SourceError(f"{target}: exists already (use --force to replace it)")
    meta = extracted.meta
    given = meta_given
    entry = SourceConfig(
        file=rel_text,
        title=given["title"] or meta.get("title") or _heading(extracted.text) or file.stem,
        author=given["author"] or meta.get("author"),
        publisher=given["publisher"] or meta.get("publisher"),
        date=given["date"] or meta.get("date"),
        url=given["url"] or meta.get("url"),
        language=given["language"]
        or meta.get("language")
        or guess_language(extracted.text)
        or "und",
        original=None if text_file == original else original.relative_to(graph_dir).as_posix(),
    )
    return _Planned(file, original, text_file, extracted.text, entry)


def add_sources(
    graph_dir: Path,
    files: Sequence[Path],
    *,
    title: str | None = None,
    author: str | None = None,
    publisher: str | None = None,
    date: str | None = None,
    url: str | None = None,
    language: str | None = None,
    force: bool = False,
) -> list[SourceConfig]:
    """Copy each file into ``GRAPH_DIR/sources/`` and append its ``[[sources]]`` entry.

    Every file is read and checked before anything is written, so a bad file
    adds none of them. Metadata given here applies to every file; what is not
    given is read from each file (HTML ``<title>``/``<meta>``, Markdown front
    matter, a short first line as the title) or guessed.

    Raises:
        ConfigError: no graph.toml; a source is registered already; ``title`` or
            ``url`` given for several files.
        SourceError: a file is missing, unreadable, not UTF-8, empty or of an
            unsupported type; two files would be stored under one name.
    """
    if len(files) > 1 and (title or url):
        raise ConfigError("--title and --url describe one source: give them with a single FILE")
    config = load_config(graph_dir, require_sources=False)
    registered = {s.file for s in config.sources}
    given = {
        "title": title,
        "author": author,
        "publisher": publisher,
        "date": date,
        "url": url,
        "language": language,
    }
    planned: list[_Planned] = []
    for file in files:
        plan = _plan(graph_dir, file, registered, given, force)
        earlier = {p.text_file: p.file for p in planned} | {p.original: p.file for p in planned}
        for target in (plan.original, plan.text_file):
            if target in earlier:
                raise SourceError(f"{file}: would be stored as {target}, as {earlier[target]} is")
        planned.append(plan)
    (graph_dir / "sources").mkdir(exist_ok=True)
    lines: list[str] = []
    for plan in planned:
        if plan.original.resolve() != plan.file.resolve():
            shutil.copyfile(plan.file, plan.original)
        if plan.text_file != plan.original:
            atomic_write_text(plan.text_file, plan.text)
        if plan.entry.file in registered:
            continue
        lines += ["", "[[sources]]"]
        for key in ("file", "title", "author", "publisher", "date", "url", "language", "original"):
            value = getattr(plan.entry, key)
            if value:
                lines.append(f"{key} = {toml_string(value)}")
    if lines:
        manifest = graph_dir / MANIFEST
        atomic_write_text(
            manifest,
            manifest.read_text(encoding="utf-8").rstrip("\n") + "\n" + "\n".join(lines) + "\n",
        )
    return [plan.entry for plan in planned]
