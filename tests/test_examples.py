"""The example articles written for heraldo (original prose): their main events are pinned."""

from __future__ import annotations

import pytest


def _has(coded, root: str, src: str, tgt: str | None, place_country: str | None = None) -> bool:
    for e in coded.events:
        if e.cameo_root != root or e.source.code != src:
            continue
        if (e.target.code if e.target else None) != tgt:
            continue
        if place_country and (e.location is None or e.location.country != place_country):
            continue
        return True
    return False


@pytest.mark.parametrize(
    "article, root, source, target, place",
    [
        ("santiago-student-protest", "14", "CHLEDU", "CHLGOV", "CHL"),  # protest against the government
        ("santiago-student-protest", "17", "CHLCOP", "CHLCVL", "CHL"),  # police detain (Chilean) protesters
        ("kharkiv-attack", "19", "RUSMIL", "UKRMIL", "UKR"),  # Russian forces attack Ukrainian troops
        ("kharkiv-attack", "11", "UKRGOV", "RUS", None),  # Sybiha condemns Russia
        ("eu-iran-sanctions", "16", "IGOEUREEC", "IRN", None),  # EU sanctions Iran
        ("eu-iran-sanctions", "11", "IRNGOV", "IGOEUREEC", None),  # Iran accuses the EU
        ("japon-ayuda-sudan", "03", "JPNGOV", "SDN", None),  # Japan pledges humanitarian aid to Sudan (0333)
    ],
)
def test_main_events(examples, article, root, source, target, place):
    coded, _ = examples[article]
    assert _has(coded, root, source, target, place), [
        (e.cameo, e.source.code, e.target.code if e.target else None) for e in coded.events
    ]


def test_examples_carry_their_credits(examples):
    assert examples["santiago-student-protest"][0].credits == ["EFE"]
    assert examples["kharkiv-attack"][0].credits == ["Reuters"]


def test_english_quote_speaker(examples):
    coded, _ = examples["kharkiv-attack"]
    q = next(q for q in coded.quotes if q.text.startswith("Every day of delay"))
    assert q.speaker is not None and q.speaker.kb_id == "person:andrii-sybiha"
    assert q.cue is not None and q.cue.text == "told"
