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
        ("es", "el 1 de enero de 2000", "2000-01-01", "day"),
        ("es", "el lunes 7 de julio", "2025-07-07", "day"),
        ("es", "el 15 de junio del 2024", "2024-06-15", "day"),
        ("es", "en enero de 2025", "2025-01-01", "month"),
        ("es", "a finales de junio de 2025", "2025-06-01", "month"),
        ("es", "a mediados de mayo de 1998", "1998-05-01", "month"),
        ("es", "durante 1994", "1994-01-01", "year"),
        ("es", "el año 1998", "1998-01-01", "year"),
        ("es", "anoche", "2025-07-12", "day"),
        ("es", "esta mañana", "2025-07-13", "day"),
        ("es", "este domingo", "2025-07-13", "day"),
        ("es", "el domingo", "2025-07-13", "day"),
        ("es", "el sábado", "2025-07-12", "day"),
        ("es", "el pasado viernes", "2025-07-11", "day"),
        ("es", "el próximo miércoles", "2025-07-16", "day"),
        ("es", "hace un día", "2025-07-12", "day"),
        ("es", "hace una semana", "2025-07-06", "day"),
        ("es", "hace 10 días", "2025-07-03", "day"),
        ("es", "la semana pasada", "2025-07-06", "none"),
        ("es", "el mes pasado", "2025-06-01", "month"),
        ("es", "el año pasado", "2024-01-01", "year"),
        ("es", "a principios de mes", "2025-07-01", "month"),
        ("es", "este año", "2025-01-01", "year"),
        ("es", "hace poco", "2025-07-13", "none"),
        ("es", "2025-07-01", "2025-07-01", "day"),
        ("en", "on Sunday", "2025-07-13", "day"),
        ("en", "on Friday", "2025-07-11", "day"),
        ("en", "last Sunday", "2025-07-06", "day"),
        ("en", "July 4", "2025-07-04", "day"),
        ("en", "December 30", "2024-12-30", "day"),
        ("en", "on June 1st, 2024", "2024-06-01", "day"),
        ("en", "in early March 2024", "2024-03-01", "month"),
        ("en", "in 1994", "1994-01-01", "year"),
        ("en", "during 2003", "2003-01-01", "year"),
        ("en", "last night", "2025-07-12", "day"),
        ("en", "this morning", "2025-07-13", "day"),
        ("en", "today", "2025-07-13", "day"),
        ("en", "a day ago", "2025-07-12", "day"),
        ("en", "two weeks ago", "2025-06-29", "day"),
        ("en", "last week", "2025-07-06", "none"),
        ("en", "last month", "2025-06-01", "month"),
        ("en", "last year", "2024-01-01", "year"),
        ("en", "earlier this month", "2025-07-01", "month"),
        ("en", "this year", "2025-01-01", "year"),
        ("en", "lately", "2025-07-13", "none"),
        ("en", "2024-02-29", "2024-02-29", "day"),
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
