"""Small text helpers shared by every stage."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Quote glyphs are replaced one-for-one by ASCII quotes before parsing: the parse text keeps
# the input's length, so token offsets are input offsets, and spaCy's small models handle '"'
# far better than '«'.
_PARSE_TRANSLATION = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "\u00a0": " "})


def parse_text(text: str) -> str:
    """Return `text` normalised for the parser, with exactly the same length."""
    return text.translate(_PARSE_TRANSLATION)


def mostly_upper(text: str, min_letters: int = 1) -> bool:
    """Is `text` written in capitals (a wire headline)? Needs at least `min_letters` letters."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= min_letters and sum(c.isupper() for c in letters) / len(letters) > 0.7


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case and strip accents: 'Moscú' -> 'moscu', 'Wŏnsan' -> 'wonsan'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
