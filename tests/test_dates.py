"""Date expressions in both languages, anchored on a publication date (Sunday 2025-07-13)."""

from __future__ import annotations

from datetime import date

import pytest

from heraldo.dates import find_dates

PUB = date(2025, 7, 13)


@pytest.mark.parametrize(
    "lang, text, expected, precision",
    [
        ("es", "el 12 de julio de 2025", "2025-07-12", "day"),
        ("es", "el 3 de marzo", "2025-03-03", "day"),
        ("es", "el 30 de diciembre", "2024-12-30", "day"),
        ("es", "en marzo de 2024", "2024-03-01", "month"),
        ("es", "desde la firma del tratado en 2024", "2024-01-01", "year"),
        ("es", "ayer", "2025-07-12", "day"),
        ("es", "anteayer", "2025-07-11", "day"),
        ("es", "hoy", "2025-07-13", "day"),
        ("es", "el pasado martes", "2025-07-08", "day"),
        ("es", "el martes pasado", "2025-07-08", "day"),
        ("es", "el próximo lunes", "2025-07-14", "day"),
        ("es", "hace tres días", "2025-07-10", "day"),
        ("es", "hace 2 semanas", "2025-06-29", "day"),
        ("es", "recientemente", "2025-07-13", "none"),
        ("en", "on July 12, 2025", "2025-07-12", "day"),
        ("en", "on 4 July 2025", "2025-07-04", "day"),
        ("en", "in March 2024", "2024-03-01", "month"),
        ("en", "since 2014", "2014-01-01", "year"),
        ("en", "yesterday", "2025-07-12", "day"),
        ("en", "last Tuesday", "2025-07-08", "day"),
        ("en", "next Monday", "2025-07-14", "day"),
        ("en", "three days ago", "2025-07-10", "day"),
        ("en", "recently", "2025-07-13", "none"),
    ],
)
def test_date_expressions(lang, text, expected, precision):
    refs = find_dates(text, 0, lang, PUB)
    assert refs, text
    assert (refs[0].date, refs[0].precision) == (expected, precision)


def test_vague_dates_are_never_after_publication():
    for lang, word in (("es", "recientemente"), ("en", "recently")):
        (ref,) = find_dates(word, 0, lang, PUB)
        assert ref.date is not None and date.fromisoformat(ref.date) <= PUB


def test_offsets_are_shifted_by_base():
    (ref,) = find_dates("xx ayer", 100, "es", PUB)
    assert (ref.start, ref.end) == (103, 107)
