"""The article that started the project (examples/01-kim-lavrov-wonsan.es.txt) must code right."""

from __future__ import annotations

import pytest

from heraldo.model import CodedArticle, Event

SEED = "kim-lavrov-wonsan"


@pytest.fixture(scope="module")
def seed(examples: dict) -> tuple[CodedArticle, str]:
    return examples[SEED]


def _events(coded: CodedArticle, plover: str, src: str, tgt: str | None) -> list[Event]:
    return [
        e
        for e in coded.events
        if e.plover == plover and e.source.country == src and (e.target.country if e.target else None) == tgt
    ]


def test_north_korea_supports_russia(seed):
    coded, _ = seed
    assert _events(coded, "SUPPORT", "PRK", "RUS")


def test_russia_supports_north_korea_sovereign_rights(seed):
    coded, _ = seed
    evs = _events(coded, "SUPPORT", "RUS", "PRK")
    assert any("derechos soberanos" in e.evidence.sentence for e in evs)


def test_kim_lavrov_meeting_is_consult_in_wonsan(seed):
    coded, _ = seed
    meetings = [
        e
        for e in coded.events
        if e.plover == "CONSULT"
        and e.target is not None
        and {e.source.kb_id, e.target.kb_id} == {"person:kim-jong-un", "person:sergey-lavrov"}
    ]
    assert meetings
    located = [e for e in meetings if e.location is not None]
    assert located and all(e.location.country == "PRK" and e.location.name == "Wŏnsan" for e in located)
    assert all(e.location.role == "event" for e in located)


def test_no_event_is_placed_in_sudan_or_the_us(seed):
    coded, _ = seed
    assert not [e for e in coded.events if e.location and e.location.country in ("SDN", "USA")]
    assert not [p for p in coded.places if p.country in ("SDN", "USA")]


def test_joint_declaration_signed_by_both(seed):
    coded, _ = seed
    signed = [e for e in coded.events if e.cameo == "057"]
    pairs = {(e.source.country, e.target.country if e.target else None) for e in signed}
    assert {("RUS", "PRK"), ("PRK", "RUS")} <= pairs


def test_kims_quotes_have_kim_as_speaker(seed):
    coded, _ = seed
    by_start = {q.text[:25]: q for q in coded.quotes}
    for opening, speaker in [
        ("completamente dispuesto a", "person:kim-jong-un"),
        ("Corea del Norte y Rusia ma", "person:kim-jong-un"),
        ("fortalecen los vínculos bi", "person:sergey-lavrov"),
    ]:
        q = next(q for k, q in by_start.items() if k.startswith(opening[:20]))
        assert q.speaker is not None and q.speaker.kb_id == speaker, (opening, q.speaker)
        assert q.cue is not None


def test_credits_are_credits_not_actors_or_places(seed):
    coded, text = seed
    assert coded.credits == ["AFP", "EFE"]
    credit_spans = []
    for glued, credit in (("UcraniaAFP", "AFP"), ("Corea del NorteEFE", "EFE")):
        g = text.index(glued) + len(glued) - len(credit)
        credit_spans.append((g, g + len(credit)))
    for thing in [*coded.actors, *coded.places]:
        assert "AFP" not in thing.text and "EFE" not in thing.text
        assert not any(thing.start < e and s < thing.end for s, e in credit_spans), thing
    for e in coded.events:
        for m in (e.source, e.target):
            assert m is None or m.code not in ("FRAMED", "ESPMED")


def test_hedged_claim_of_munitions(seed):
    coded, _ = seed
    aid = [e for e in coded.events if e.plover == "AID" and e.source.country == "PRK"]
    assert aid and all(e.attribution is not None and e.attribution.hedged for e in aid)


def test_every_offset_points_into_the_input(seed):
    coded, text = seed
    spans = [*coded.actors, *coded.places, *coded.quotes]
    for e in coded.events:
        spans += [e.source, e.evidence, e.evidence.trigger] + ([e.target] if e.target else [])
    for s in spans:
        got = text[s.start : s.end]
        expected = s.sentence if hasattr(s, "sentence") else s.text
        assert got == expected, (s, got)


def test_the_2024_treaty_is_a_background_event_dated_2024(seed):
    coded, _ = seed
    treaty = [e for e in coded.events if e.cameo == "057" and e.evidence.trigger.text == "firma"]
    assert treaty and all((e.date, e.date_precision) == ("2024-01-01", "year") for e in treaty)
