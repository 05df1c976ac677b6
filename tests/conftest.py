from __future__ import annotations

import os
from pathlib import Path

import pytest

from heraldo import Pipeline
from heraldo.inputs import iter_paths
from heraldo.model import CodedArticle

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("HERALDO_SHARED", ROOT.parent / "shared")) / "data"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is not present")


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def examples(pipeline: Pipeline) -> dict[str, tuple[CodedArticle, str]]:
    """Every example article coded once: id -> (coded, input text)."""
    out = {}
    for _origin, _n, rec in iter_paths([str(EXAMPLES)]):
        coded = pipeline.code(rec)
        out[rec["id"]] = (coded, rec.get("text") or rec.get("html"))
    return out


def code_text(pipeline: Pipeline, text: str, lang: str, date: str = "2025-07-13") -> CodedArticle:
    return pipeline.code({"id": "t", "text": text, "lang": lang, "date": date})
