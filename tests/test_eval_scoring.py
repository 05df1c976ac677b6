"""The scorer: actor matching rules and one-to-one matching, on hand-made events (no gold files)."""

from __future__ import annotations

import pytest

from heraldo.evaluate.gold import GoldEvent, read_up_xml
from heraldo.evaluate.score import Predicted, Tally, actor_match


@pytest.mark.parametrize(
    "gold, pred, ok",
    [
        ("COLREB", "COLREB", True),
        ("COLREB", "COLGOV", True),  # first three letters
        ("COLREB", "VENREB", False),
        ("~REB", "---REB", True),  # role only
        ("~REB", "COLREB", True),
        ("---REB", "PERGOV", False),
        ("", None, True),  # not coded: anything
        ("---", "USA", True),
        ("X", None, True),  # no actor
        ("X", "USA", False),
        ("COL, VEN", "VENGOV", True),  # alternatives
        ("IGOUNO", "IGOUNOKID", True),
        ("USA", None, False),
        ("KSV", "XKXGOV", True),  # CAMEO's Kosovo is ISO's XKX
        ("TMPGOV", "TLS", True),
        ("KSV", "SRB", False),
    ],
)
def test_actor_match(gold, pred, ok):
    assert actor_match(gold, pred) is ok


def test_one_to_one_matching_counts_each_event_once():
    t = Tally()
    gold = [GoldEvent("140", "~CVL", ""), GoldEvent("173", "COLCOP", "~CVL")]
    pred = [
        Predicted("141", "COLCVL", None, "PROTEST"),
        Predicted("140", None, None, "PROTEST"),
        Predicted("173", "COLCOP", "COLCVL", "COERCE"),
    ]
    t.add(gold, pred)
    assert t.matched["ROOT"] == 2  # two 14x predictions, one 14 gold: one match
    assert t.matched["FULL"] == 2
    p, r, f = t.prf("ROOT")
    assert (round(p, 3), r) == (0.667, 1.0)


def test_uncoded_sentences_and_plover_accuracy():
    t = Tally()
    t.add([GoldEvent("", "", "", "PROTEST")], [])
    t.add([GoldEvent("", "", "", "ASSAULT")], [Predicted("190", "RUSMIL", None, "ASSAULT", 0.9)])
    assert t.uncoded == 1 and t.sentences_with_gold == 2
    assert (t.plover_right, t.plover_total) == (1, 2)


def test_reader_tolerates_malformed_xml(tmp_path):
    xml = tmp_path / "g.xml"
    xml.write_text(
        '<Sentences><!-- a -- b -->\n<Sentence id="AFP_1_2" date="19940614" evaluate="true">'
        '<EventCoding eid="0" eventcode="145_Protest_violently_riot" sourcecode="~REB" targetcode=""/>'
        "<Text>Texto de prueba.</Text></Sentence>\n"
        '<Sentence id="AFP_1_3" evaluate="false"><Text>No.</Text></Sentence><Broken></Sentences>',
        encoding="utf-8",
    )
    (s,) = read_up_xml(xml, "es")
    assert (s.doc_id, s.date, s.text) == ("AFP_1", "1994-06-14", "Texto de prueba.")
    assert (s.events[0].code, s.events[0].root, s.events[0].source) == ("145", "14", "~REB")


def test_reader_takes_a_noche_y_niebla_note_prefix_as_date_and_id(tmp_path):
    """The Colombian fight set's notes begin "<date>\t<note id> | ": metadata, not text; the date
    is the event's, the Sentence's own date is when it was coded."""
    xml = tmp_path / "g.xml"
    xml.write_text(
        '<Sentences><Sentence id="note_1_1" date="20181220">'
        "<Text>\n19990101\t19990101_NYN_P1_P00001 | Guerrilleros quemaron un bus en la vía .\n</Text>"
        "</Sentence></Sentences>",
        encoding="utf-8",
    )
    (s,) = read_up_xml(xml, "es")
    assert (s.date, s.text) == ("1999-01-01", "Guerrilleros quemaron un bus en la vía .")


def test_cameo_and_iso_country_codes():
    from heraldo import kb

    assert kb.to_iso("KSVGOV") == "XKXGOV" and kb.to_iso("TMP") == "TLS" and kb.to_iso("USAPRI") == "PRI"
    assert kb.to_iso("RUSGOV") == "RUSGOV" and kb.to_iso(None) is None
    assert kb.cameo_countries()["XKX"] == "KSV"


def test_confidence_auc_ranks_right_events_above_wrong_ones():
    t = Tally()
    assert t.confidence_auc() is None
    t.add(
        [GoldEvent("141", "", "")], [Predicted("141", None, None, None, 0.9), Predicted("190", None, None, None, 0.2)]
    )
    t.add(
        [GoldEvent("040", "", "")], [Predicted("042", None, None, None, 0.6), Predicted("111", None, None, None, 0.6)]
    )
    # right: 0.9, 0.6; wrong: 0.2, 0.6 -> 0.9 beats both, 0.6 beats 0.2 and ties 0.6: (2 + 1.5) / 4
    assert t.confidence_auc() == pytest.approx(0.875)
