"""Gold readers against the counts documented in ../shared/data (skipped when it is absent)."""

from __future__ import annotations

import pytest

from heraldo.evaluate.gold import read_gold
from tests.conftest import SHARED, needs_shared

pytestmark = needs_shared


@pytest.mark.parametrize(
    "path, sentences, events",
    [
        ("events-es/up_1018_dev.xml", 584, 745),
        ("events-en/petrarch2_PETR.UnitTest.records.xml", 284, 385),
        ("plover/PLOVER_GSR_CAMEO.json", 322, 322),
    ],
)
def test_reader_counts(path, sentences, events):
    gold = read_gold(SHARED / path)
    assert len(gold) == sentences
    assert sum(len(s.events) for s in gold) == events


def test_malformed_english_file_is_read():
    gold = read_gold(SHARED / "events-en/up_PETR_Validate_records_2_02.xml")
    assert len(gold) == 264  # evaluate="true" sentences
