"""Source formats: plain text, Markdown and HTML, reduced to the plain text that
offsets refer to, plus whatever metadata the file itself carries.

The extraction is deterministic: the same file always gives the same text, so
evidence offsets stay valid. ``historygraph add`` stores the extracted text next
to the original, and the builder reads that text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SUPPORTED = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES

_BLOCKS = frozenset(
    [
        "address",
        "article",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})
#: A page's furniture, not its text: menus, sidebars, footers, forms.
_FURNITURE = frozenset({"nav", "aside", "footer", "form", "button", "select", "dialog", "menu"})
#: Furniture by name, as pages and wikis mark it in class, id or role: menus, share
#: buttons, reference lists and footnote markers, infoboxes, edit links.
_FURNITURE_NAME = re.compile(
    r"(?:^|[_-])(?:nav|navbar|navbox|navigation|menu|banner|footer|contentinfo|sidebar|"
    r"complementary|breadcrumbs?|share|social|related|advert|ads|promo|cookie|newsletter|"
    r"subscribe|comments?|reflist|references?|footnotes?|infobox|toc|editsection|noprint|"
    r"hatnote|metadata)(?:$|[_-])",
    re.IGNORECASE,
)
#: A class that says what a container has or shows, not what it is ("has-sidebar").
_STATE_PREFIX = re.compile(r"^(?:has|with|no|is|show|hide|without)[_-]", re.IGNORECASE)
#: Elements that hold the page itself, never left out by their names.
_NEVER_FURNITURE = frozenset({"html", "body", "main", "article"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col"})
#: Where a page keeps its own text: when it has one, only the text inside counts.
_CONTENT = frozenset({"main", "article"})
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "was",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
        "his",
        "her",
        "it",
        "were",
        "are",
        "which",
        "this",
        "be",
        "had",
        "has",
        "have",
        "not",
        "but",
        "after",
        "before",
        "their",
        "they",
        "an",
        "or",
    ]
)


@dataclass
class Extracted:
    """Plain text and metadata read from a source file."""

    text: str
    meta: dict[str, str] = field(default_factory=dict)


def _tidy(blocks: list[str]) -> str:
    paragraphs = [" ".join(b.split()) for b in blocks]
    return "\n\n".join(p for p in paragraphs if p) + "\n"


class _TextParser(HTMLParser):
    """Collects the visible text of an HTML page, one block per paragraph-like element.

    Scripts, styles and the page's furniture (menus, sidebars, footers, forms) are
    left out; each block records whether it lies inside ``<main>`` or ``<article>``.
    """

    def __init__(self, furniture: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.furniture = furniture
        self.blocks: list[tuple[str, bool]] = []
        self.current: list[str] = []
        #: the element being left out, and how many of its kind are open inside it
        self.skipping: tuple[str, int] | None = None
        self.content = 0
        self.meta: dict[str, str] = {}
        self._in_title = False

    def _flush(self) -> None:
        if self.current:
            self.blocks.append(("".join(self.current), self.content > 0))
            self.current = []

    def _left_out(self, tag: str, values: dict[str, str]) -> bool:
        if tag in _SKIP:
            return True
        if not self.furniture:
            return False
        if tag in _FURNITURE:
            return True
        if tag in _NEVER_FURNITURE:
            return False
        names = " ".join(values.get(k, "") for k in ("class", "id", "role")).split()
        return any(_FURNITURE_NAME.search(n) and not _STATE_PREFIX.match(n) for n in names)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html" and values.get("lang"):
            self.meta.setdefault("language", values["lang"].split("-")[0].lower())
        if tag == "meta":
            name = (values.get("name") or values.get("property") or "").lower()
            content = values.get("content", "")
            key = {
                "author": "author",
                "article:author": "author",
                "date": "date",
                "article:published_time": "date",
                "og:site_name": "publisher",
                "publisher": "publisher",
                "og:url": "url",
            }.get(name)
            if key and content:
                self.meta.setdefault(key, content.strip())
        if tag == "title":
            self._in_title = True
        if self.skipping is not None:
            if tag == self.skipping[0]:
                self.skipping = (tag, self.skipping[1] + 1)
        elif tag not in _VOID and self._left_out(tag, values):
            if tag in _BLOCKS or tag in _FURNITURE:
                self._flush()
            self.skipping = (tag, 1)  # an inline one ("[1]") leaves its paragraph whole
        elif tag in _BLOCKS:
            self._flush()
            if tag in _CONTENT:
                self.content += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self.skipping is not None:
            if tag == self.skipping[0]:
                depth = self.skipping[1] - 1
                self.skipping = (tag, depth) if depth else None
        elif tag in _BLOCKS:
            self._flush()
            if tag in _CONTENT:
                self.content = max(0, self.content - 1)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.meta["title"] = " ".join((self.meta.get("title", "") + " " + data).split())
            return
        if self.skipping is None:
            self.current.append(data)


def html_to_text(html: str) -> Extracted:
    """Visible text of an HTML document, one paragraph per block element.

    A page with a ``<main>`` or ``<article>`` element gives the text inside it only
    (not its menus, teasers and sidebars); menus, sidebars, footers and forms are
    left out everywhere.

    >>> html_to_text("<p>A <b>bold</b> claim.</p><script>x()</script><p>Next</p>").text
    'A bold claim.\\n\\nNext\\n'
    """
    for furniture in (True, False):  # an unclosed <nav> must not hide the page
        parser = _TextParser(furniture)
        parser.feed(html)
        parser.close()
        parser._flush()
        inside = [text for text, content in parser.blocks if content and text.strip()]
        text = _tidy(inside or [text for text, _ in parser.blocks])
        if text.strip():
            break
    return Extracted(text, parser.meta)


_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_MD_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links -> text
    (re.compile(r"<[^>]+>"), ""),  # inline HTML
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
]


def markdown_to_text(markdown: str) -> Extracted:
    """Plain text of a Markdown document (YAML-style front matter becomes metadata).

    >>> markdown_to_text("---\\ntitle: T\\n---\\n# Head\\n\\nSome *text* with [a link](http://x).\\n").text
    'Head\\n\\nSome text with a link.\\n'
    """
    meta: dict[str, str] = {}
    found = _FRONT_MATTER.match(markdown)
    if found:
        for line in found.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip():
                meta[key.strip().lower()] = value.strip().strip("\"'")
        markdown = markdown[found.end() :]
    blocks: list[str] = []
    current: list[str] = []
    for raw in markdown.splitlines():
        line = raw.strip()
        if line.startswith("```") or re.fullmatch(r"[-*_]{3,}", line):
            line = ""
        if not line:
            if current:
                blocks.append(" ".join(current))
                current = []
            continue
        line = re.sub(r"^#{1,6}\s+", "", line)
        line = re.sub(r"^(?:[-*+]|\d+[.)])\s+", "", line)
        line = re.sub(r"^>\s?", "", line)
        for pattern, repl in _MD_INLINE:
            line = pattern.sub(repl, line)
        if re.match(r"^#{1,6}\s", raw.strip()):
            if current:
                blocks.append(" ".join(current))
                current = []
            blocks.append(line)
            continue
        current.append(line)
    if current:
        blocks.append(" ".join(current))
    return Extracted(_tidy(blocks), meta)


def extract(path: Path, data: str) -> Extracted:
    """Plain text of ``data`` read from ``path``, by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return html_to_text(data)
    if suffix in MARKDOWN_SUFFIXES:
        return markdown_to_text(data)
    return Extracted(data)


def english_score(text: str) -> float:
    """Share of the text's words that are common English function words (0 to 1).

    >>> english_score("The army entered the city in January.") > 0.2
    True
    >>> english_score("Die Armee marschierte im Januar in die Stadt ein.") < 0.1
    True
    """
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    if not words:
        return 0.0
    return sum(w in _ENGLISH for w in words) / len(words)


def guess_language(text: str) -> str | None:
    """``"en"`` when the text reads as English, ``None`` when it does not (or is too short)."""
    words = re.findall(r"\w+", text)
    if len(words) < 20:
        return "en" if english_score(text) >= 0.1 else None
    return "en" if english_score(text) >= 0.12 else None
