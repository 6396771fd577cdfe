"""Sources in the forms people have: text, Markdown, HTML; `add`; non-English sources."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from historygraph.formats import guess_language, html_to_text, markdown_to_text
from tests.conftest import copy_project, run_cli

HTML = """<!doctype html><html lang="en"><head><title>Crackdown in the capital</title>
<meta name="author" content="A. Reporter"><meta property="article:published_time" content="1990-01-25">
<style>p { color: red }</style><script>alert("x")</script></head>
<body><nav>Home</nav><h1>Crackdown in the capital</h1>
<p>On 20 January 1990 Soviet troops <b>killed</b> more than 100 civilians in Baku.</p>
<p>The Milli Majlis condemned the massacre &amp; declared a day of mourning.</p></body></html>
"""

MARKDOWN = """---
title: Notes on January
author: Someone
---
# Notes on January

On 20 January 1990 *Soviet troops* killed more than 100 civilians in [Baku](https://example.org).

- The Milli Majlis condemned the massacre.
"""

GERMAN = (
    "Am 20. Januar 1990 marschierten sowjetische Truppen in Baku ein. Dabei wurden nach offiziellen "
    "Angaben mehr als hundert Zivilisten getötet und viele weitere verletzt. Das Parlament von "
    "Aserbaidschan verurteilte das Vorgehen der Armee später scharf und erklärte den Tag zum "
    "nationalen Trauertag, an dem jedes Jahr der Opfer gedacht wird, die in jener Nacht starben."
)


def test_html_text_drops_markup_scripts_and_styles() -> None:
    extracted = html_to_text(HTML)
    assert (
        "alert" not in extracted.text
        and "color" not in extracted.text
        and "<" not in extracted.text
    )
    assert "Soviet troops killed more than 100 civilians in Baku." in extracted.text
    assert "condemned the massacre & declared" in extracted.text
    assert "\n\n" in extracted.text  # paragraphs stay paragraphs
    assert extracted.meta == {
        "language": "en",
        "title": "Crackdown in the capital",
        "author": "A. Reporter",
        "date": "1990-01-25",
    }


def test_markdown_text_and_front_matter() -> None:
    extracted = markdown_to_text(MARKDOWN)
    assert extracted.meta == {"title": "Notes on January", "author": "Someone"}
    assert "Soviet troops killed more than 100 civilians in Baku." in extracted.text
    assert "https" not in extracted.text and "*" not in extracted.text and "#" not in extracted.text


def test_language_guess() -> None:
    assert guess_language(GERMAN) is None
    assert guess_language(html_to_text(HTML).text) == "en"


@pytest.mark.slow
def test_add_html_and_markdown_then_build(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    graph = root / "graphs" / "black-january"
    (root / "report.html").write_text(HTML, encoding="utf-8")
    (root / "notes.md").write_text(MARKDOWN, encoding="utf-8")
    (root / "bericht.txt").write_text(GERMAN, encoding="utf-8")
    for name in ("report.html", "notes.md", "bericht.txt"):
        result = run_cli("add", graph, root / name)
        assert result.returncode == 0, result.stderr
    manifest = tomllib.loads((graph / "graph.toml").read_text(encoding="utf-8"))
    sources = {s["file"]: s for s in manifest["sources"]}
    assert sources["sources/report.txt"]["original"] == "sources/report.html"
    assert sources["sources/report.txt"]["title"] == "Crackdown in the capital"
    assert sources["sources/report.txt"]["author"] == "A. Reporter"
    assert sources["sources/notes.txt"]["title"] == "Notes on January"
    assert sources["sources/bericht.txt"]["language"] == "und"
    result = run_cli("build", graph, "--quiet")
    assert result.returncode == 0, result.stderr
    assert "warning: sources/bericht.txt" in result.stderr
    report = json.loads((graph / "report.json").read_text(encoding="utf-8"))
    assert "sources/bericht.txt" in report["extraction"]["skipped"]
    text = (graph / "sources" / "report.txt").read_text(encoding="utf-8")
    evidence = run_cli(
        "query", graph,
        "SELECT ?s ?e ?q WHERE { ?ev hg:document <https://w3id.org/historygraph/graphs/black-january/source/report> ;"
        " hg:start ?s ; hg:end ?e ; hg:quote ?q }",
        "--format", "json",
    )  # fmt: skip
    bindings = json.loads(evidence.stdout)["results"]["bindings"]
    assert bindings
    for b in bindings:
        assert text[int(b["s"]["value"]) : int(b["e"]["value"])] == b["q"]["value"]


def test_add_refuses_duplicates_and_bad_files(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    graph = root / "graphs" / "black-january"
    again = run_cli("add", graph, graph / "sources" / "road-to-victory.txt")
    assert again.returncode == 1 and "registered already" in again.stderr
    (root / "x.pdf").write_bytes(b"%PDF")
    bad = run_cli("add", graph, root / "x.pdf")
    assert bad.returncode == 1 and "unsupported file type" in bad.stderr
    missing = run_cli("add", graph, root / "nope.txt")
    assert missing.returncode == 1 and "not found" in missing.stderr


def test_add_several_files_at_once_or_none_of_them(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    graph = root / "graphs" / "black-january"
    manifest = graph / "graph.toml"
    before = manifest.read_text(encoding="utf-8")
    (root / "report.html").write_text(HTML, encoding="utf-8")
    (root / "notes.md").write_text(MARKDOWN, encoding="utf-8")
    (root / "empty.txt").write_text("  \n", encoding="utf-8")
    # a bad file among them adds none: no manifest entry, no copy
    bad = run_cli("add", graph, root / "report.html", root / "empty.txt", root / "notes.md")
    assert bad.returncode == 1 and "empty.txt" in bad.stderr
    assert manifest.read_text(encoding="utf-8") == before
    assert not (graph / "sources" / "report.html").exists()
    # a title or a URL belongs to one source
    titled = run_cli("add", graph, root / "report.html", root / "notes.md", "--title", "T")
    assert titled.returncode == 1 and "single FILE" in titled.stderr
    # two files that would be stored under one name
    (root / "other").mkdir()
    (root / "other" / "notes.md").write_text(MARKDOWN, encoding="utf-8")
    clash = run_cli("add", graph, root / "notes.md", root / "other" / "notes.md")
    assert clash.returncode == 1 and "would be stored as" in clash.stderr
    assert manifest.read_text(encoding="utf-8") == before
    ok = run_cli("add", graph, root / "report.html", root / "notes.md", "--publisher", "P")
    assert ok.returncode == 0, ok.stderr
    sources = tomllib.loads(manifest.read_text(encoding="utf-8"))["sources"]
    added = {s["file"]: s for s in sources[1:]}
    assert set(added) == {"sources/report.txt", "sources/notes.txt"}
    assert {s["publisher"] for s in added.values()} == {"P"}
    assert added["sources/notes.txt"]["title"] == "Notes on January"


NEWS_PAGE = """<!doctype html><html lang="en"><head><title>Troops fire on marchers</title></head>
<body><header><a href="/">The Daily Wire</a></header>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<aside><h2>Most read</h2><p>Strikes spread to Moscow</p></aside>
<article><h1>Troops fire on marchers</h1>
<p>Troops fired on columns of striking workers yesterday.</p>
<footer>Filed by our correspondent</footer></article>
<div class="teaser">Subscribe for more news from Russia</div>
<footer>&copy; 1905 The Daily Wire. <form><button>Sign up</button></form></footer></body></html>
"""


def test_html_text_is_the_pages_own_text_not_its_furniture() -> None:
    page = html_to_text(NEWS_PAGE).text
    assert page == (
        "Troops fire on marchers\n\nTroops fired on columns of striking workers yesterday.\n"
    )
    # without <main> or <article>, everything but menus, sidebars, footers and forms
    bare = NEWS_PAGE.replace("<article>", "<div>").replace("</article>", "</div>")
    text = html_to_text(bare).text
    assert "Troops fired on columns" in text and "Subscribe for more news" in text
    for furniture in ("Home", "Most read", "Moscow", "Filed by", "1905", "Sign up"):
        assert furniture not in text, furniture
    # a menu left open does not hide the page
    assert html_to_text("<nav>Menu<p>The text.</p>").text == "Menu\n\nThe text.\n"


WIKI_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Bloody Sunday (1905)</title></head><body>
<div id="mw-navigation"><a href="/">Main page</a></div>
<main id="content"><h1>Bloody Sunday (1905)</h1><div class="mw-parser-output">
<table class="infobox"><tr><th>Deaths</th><td>143-234</td></tr></table>
<p>Soldiers fired on the marchers.<sup class="reference"><a href="#cite-1">[1]</a></sup> Official
figures gave 96 dead,<sup class="noprint">[<i>citation needed</i>]</sup> others more.</p>
<h2><span class="mw-headline">Aftermath</span><span class="mw-editsection">[<a>edit</a>]</span></h2>
<div class="has-sidebar"><p>Strikes followed.</p></div>
<div class="reflist"><ol class="references"><li>Sablinsky, Walter (1976).</li></ol></div>
</div></main><div id="footer">Text is available under a licence.</div></body></html>
"""


def test_html_text_leaves_out_what_pages_and_wikis_name_as_furniture() -> None:
    """Reference markers, infoboxes, edit links and reference lists, by class or id."""
    assert html_to_text(WIKI_PAGE).text == (
        "Bloody Sunday (1905)\n\n"
        "Soldiers fired on the marchers. Official figures gave 96 dead, others more.\n\n"
        "Aftermath\n\nStrikes followed.\n"
    )


WIRE = """ST PETERSBURG, Jan. 10 — Troops of the Imperial Guard fired on columns of striking
workers yesterday as they approached the Winter Palace. The Government states that 130
persons were killed.
"""


@pytest.mark.slow
def test_a_datelines_missing_year_comes_from_the_sources_date(tmp_path: Path) -> None:
    """A wire report that names no year: the publication date in graph.toml gives it."""
    graph = tmp_path / "g"
    assert run_cli("init", graph).returncode == 0
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    added = run_cli("add", graph, tmp_path / "wire.txt", "--date", "1905-01-10")
    assert added.returncode == 0, added.stderr
    built = run_cli("build", graph, "--quiet", "--jobs", "1")
    assert built.returncode == 0, built.stderr
    query = "SELECT ?d WHERE { ?e a hg:Massacre ; hg:date ?d }"
    dated = json.loads(run_cli("query", graph, query, "--format", "json").stdout)
    assert [b["d"]["value"] for b in dated["results"]["bindings"]] == ["1905-01-09"]
    # the date is part of the cache key: without it, the report dates nothing
    manifest = graph / "graph.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('date = "1905-01-10"\n', ""),
        encoding="utf-8",
    )
    assert run_cli("build", graph, "--quiet", "--jobs", "1").returncode == 0
    undated = json.loads(run_cli("query", graph, query, "--format", "json").stdout)
    assert undated["results"]["bindings"] == []
