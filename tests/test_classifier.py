"""The statistical second opinion (heraldo.events.classifier): the shipped weights, the real
multilingual encoder, how the pipeline uses it, and the training script."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from heraldo.events.classifier import LABELS, MODEL_NAME, embed, load_classifier, with_bias
from heraldo.pipeline import VETO_BELOW, Config, Pipeline
from tests.conftest import code_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"


def _script():
    spec = importlib.util.spec_from_file_location(
        "train_event_classifier", ROOT / "scripts" / "train_event_classifier.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_shipped_weights_have_one_column_per_label():
    model = load_classifier()
    assert model.labels == LABELS
    assert model.weights.shape == (513, len(LABELS))  # 512 embedding dimensions + bias


def test_spanish_and_english_share_one_space():
    es, en, other = embed(
        [
            "Miles de manifestantes marcharon en Bogotá contra el gobierno.",
            "Thousands of protesters marched in Bogota against the government.",
            "The central bank raised interest rates by half a point.",
        ]
    )
    assert float(es @ en) > 0.7
    assert float(es @ en) > float(es @ other) + 0.2


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Miles de manifestantes marcharon en Bogotá contra el gobierno.", "PROTEST"),
        ("Thousands of protesters marched in Bogota against the government.", "PROTEST"),
        ("Las tropas bombardearon posiciones rebeldes y mataron a doce guerrilleros.", "ASSAULT"),
        ("The army shelled rebel positions, killing twelve fighters.", "ASSAULT"),
        ("The European Union imposed new sanctions on Iran.", "SANCTION"),
    ],
)
def test_clear_sentences_get_their_type_first(text, expected):
    p = load_classifier().probabilities([text])[0]
    assert abs(sum(p.values()) - 1) < 1e-4
    assert max(p, key=p.__getitem__) == expected, sorted(p.items(), key=lambda kv: -kv[1])[:3]


def test_every_event_carries_the_second_opinion(pipeline):
    coded = code_text(pipeline, "Miles de manifestantes marcharon en Bogotá contra el gobierno de Colombia.", "es")
    assert coded.events
    for e in coded.events:
        so = e.second_opinion
        assert so is not None and so["model"] == MODEL_NAME
        assert so["p_root"] >= VETO_BELOW and so["best"] in LABELS
        assert 0 < e.confidence <= 1
        assert e.to_json()["second_opinion"] == so


def test_off_leaves_the_rules_alone():
    text = "Miles de manifestantes marcharon en Bogotá contra el gobierno de Colombia."
    off = code_text(Pipeline(Config(classifier="off")), text, "es")
    assert off.events and all(e.second_opinion is None for e in off.events)


def test_a_classifier_that_sees_no_event_vetoes_every_event(tmp_path):
    """Weights that put all probability on NONE: every event with a PLOVER root goes, and its
    place is no longer where an event happened."""
    w = np.zeros((513, len(LABELS)), dtype=np.float32)
    w[-1, LABELS.index("NONE")] = 50.0
    path = tmp_path / "none.npz"
    np.savez(path, weights=w, labels=np.array(LABELS))
    text = "Miles de manifestantes marcharon en Bogotá contra el gobierno de Colombia."
    kept = code_text(Pipeline(), text, "es")
    assert kept.events and any(p.role == "event" for p in kept.places)
    vetoed = code_text(Pipeline(Config(classifier=str(path))), text, "es")
    assert vetoed.events == []
    assert vetoed.places and all(p.role == "mentioned" for p in vetoed.places)


def test_training_learns_a_separable_problem():
    train = _script().train
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(3, 8))
    y = np.repeat(np.arange(3), 40)
    x = centres[y] + 0.1 * rng.normal(size=(120, 8))
    w = train(x, y, 3, epochs=200)
    z = with_bias(x) @ w
    assert (z.argmax(axis=1) == y).mean() > 0.95


@pytest.mark.skipif(not (SHARED / "ngec").is_dir(), reason="needs ../shared/data")
def test_shipped_weights_rebuild_from_the_script(tmp_path):
    module = _script()
    texts, labels, origin = module.training_set(SHARED)
    assert origin["up_protest_plover_dev.xml"] > 0 and "up_1018_dev.xml" not in origin  # the dev set stays out
    y = np.array([LABELS.index(label) for label in labels])
    w = module.train(embed(texts), y, len(LABELS))
    assert np.allclose(w, load_classifier().weights, atol=2e-3)
