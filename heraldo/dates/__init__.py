"""Date expressions -> calendar dates with a precision, anchored on the publication date.

Explicit dates ("12 de julio de 2025", "July 12, 2025", "en 2024") and the relative forms news
uses ("ayer", "el pasado martes", "hace tres días", "last week") are found with patterns per
language; full explicit dates are handed to `dateparser`. Vague words ("recientemente",
"recently") give precision `none` and the publication date, never a later one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from heraldo.model import DateRef

MONTHS = {
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "en": [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
}
WEEKDAYS = {
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
}
NUMBERS = {
    "un": 1,
    "una": 1,
    "uno": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
UNITS = {
    "día": 1,
    "días": 1,
    "dia": 1,
    "dias": 1,
    "day": 1,
    "days": 1,
    "semana": 7,
    "semanas": 7,
    "week": 7,
    "weeks": 7,
}


ISO = ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<mm>\d{2})-(?P<d>\d{2})\b"))


def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    mon = "|".join(MONTHS[lang])
    wd = "|".join(WEEKDAYS[lang])
    num = r"\d+|" + "|".join(NUMBERS)
    if lang == "es":
        raw = [
            ("dmy", rf"\b(?P<d>\d{{1,2}})(?: de)? (?P<m>{mon})(?: (?:de|del) (?P<y>\d{{4}}))?"),
            ("my", rf"\b(?:en |a principios de |a finales de |a mediados de )?(?P<m>{mon}) (?:de|del) (?P<y>\d{{4}})"),
            ("y", r"\b(?:en|desde|durante|del año|el año) (?:el )?(?:año )?(?P<y>1[89]\d\d|20\d\d)\b"),
            ("wd_past", rf"\bel (?:pasado (?P<w1>{wd})|(?P<w2>{wd}) pasado)\b"),
            ("wd_next", rf"\bel (?:próximo (?P<w1>{wd})|(?P<w2>{wd}) próximo)\b"),
            ("wd", rf"\b(?:el|este) (?P<w1>{wd})\b"),
            ("ago", rf"\bhace (?P<n>{num}) (?P<u>días|dias|día|dia|semanas|semana)\b"),
            ("lastweek", r"\bla semana pasada\b|\bla pasada semana\b"),
            ("lastmonth", r"\bel mes pasado\b|\bel pasado mes\b"),
            ("lastyear", r"\bel año pasado\b|\bel pasado año\b"),
            ("thismonth", r"\b(?:a principios|a finales|a mediados) de(?:l)? (?:este )?mes\b|\beste mes\b"),
            ("thisyear", r"\beste año\b"),
            ("rel-2", r"\banteayer\b"),
            ("rel-1", r"\b(?:ayer|anoche)\b"),
            ("rel0", r"\b(?:hoy|esta mañana|esta tarde|esta noche)\b"),
            ("vague", r"\b(?:recientemente|recién|últimamente|hace poco)\b"),
        ]
    else:
        raw = [
            ("mdy", rf"\b(?P<m>{mon}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (?P<y>\d{{4}}))?"),
            ("dmy", rf"\b(?P<d>\d{{1,2}}) (?P<m>{mon})(?: (?P<y>\d{{4}}))?"),
            ("my", rf"\b(?:in |early |late |mid-)?(?P<m>{mon}) (?P<y>\d{{4}})"),
            ("y", r"\b(?:in|since|during) (?P<y>1[89]\d\d|20\d\d)\b"),
            ("wd_past", rf"\blast (?P<w1>{wd})\b"),
            ("wd_next", rf"\bnext (?P<w1>{wd})\b"),
            ("wd", rf"\bon (?P<w1>{wd})\b"),
            ("ago", rf"\b(?P<n>{num}) (?P<u>days|day|weeks|week) ago\b"),
            ("lastweek", r"\blast week\b"),
            ("lastmonth", r"\blast month\b"),
            ("lastyear", r"\blast year\b"),
            ("thismonth", r"\b(?:earlier|later) this month\b|\bthis month\b"),
            ("thisyear", r"\bthis year\b"),
            ("rel-1", r"\b(?:yesterday|last night)\b"),
            ("rel0", r"\b(?:today|this morning|tonight|this afternoon)\b"),
            ("vague", r"\b(?:recently|lately)\b"),
        ]
    return [ISO] + [(k, re.compile(p, re.IGNORECASE)) for k, p in raw]


_COMPILED = {lang: _patterns(lang) for lang in ("es", "en")}


def _parse_full(expr: str, lang: str, anchor: date | None) -> date | None:
    import dateparser  # imported on first use (about half a second)

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
    if anchor:
        from datetime import datetime

        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    d = dateparser.parse(expr, languages=[lang], settings=settings)  # type: ignore[arg-type]
    return d.date() if d else None


def resolve(kind: str, m: re.Match[str], lang: str, anchor: date | None) -> tuple[date | None, str]:
    """Date and precision of one matched expression."""
    g = m.groupdict()
    months = MONTHS[lang]
    if kind in ("dmy", "mdy"):
        month = months.index(g["m"].lower()) + 1
        year = int(g["y"]) if g.get("y") else (anchor.year if anchor else None)
        if year is None:
            return None, "none"
        try:
            d = date(year, month, int(g["d"]))
        except ValueError:
            return None, "none"
        if not g.get("y") and anchor and d > anchor + timedelta(days=31):
            d = d.replace(year=year - 1)  # "12 de diciembre" in a January article
        if g.get("y"):
            parsed = _parse_full(m.group(0), lang, anchor)
            d = parsed or d
        return d, "day"
    if kind == "iso":
        try:
            return date(int(g["y"]), int(g["mm"]), int(g["d"])), "day"
        except ValueError:
            return None, "none"
    if kind == "my":
        return date(int(g["y"]), months.index(g["m"].lower()) + 1, 1), "month"
    if kind == "y":
        return date(int(g["y"]), 1, 1), "year"
    if anchor is None:
        return None, "none"
    if kind in ("wd_past", "wd_next", "wd"):
        wd = WEEKDAYS[lang].index((g.get("w1") or g.get("w2") or "").lower())
        delta = (anchor.weekday() - wd) % 7
        if kind == "wd_next":
            return anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7), "day"
        if kind == "wd_past" and delta == 0:
            delta = 7
        return anchor - timedelta(days=delta), "day"
    if kind == "ago":
        n = g["n"].lower()
        count = int(n) if n.isdigit() else NUMBERS.get(n, 1)
        return anchor - timedelta(days=count * UNITS[g["u"].lower()]), "day"
    if kind == "lastweek":
        return anchor - timedelta(days=7), "none"
    if kind == "lastmonth":
        first = anchor.replace(day=1) - timedelta(days=1)
        return first.replace(day=1), "month"
    if kind == "lastyear":
        return date(anchor.year - 1, 1, 1), "year"
    if kind == "thismonth":
        return anchor.replace(day=1), "month"
    if kind == "thisyear":
        return date(anchor.year, 1, 1), "year"
    if kind.startswith("rel"):
        return anchor + timedelta(days=int(kind[3:])), "day"
    return anchor, "none"  # vague: no later than publication


def find_dates(text: str, base: int, lang: str, anchor: date | None) -> list[DateRef]:
    """Every date expression in `text` (offsets shifted by `base`), longest first wins."""
    found: list[DateRef] = []
    used: list[tuple[int, int]] = []
    for kind, pattern in _COMPILED.get(lang, []):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in used):
                continue
            d, precision = resolve(kind, m, lang, anchor)
            used.append((m.start(), m.end()))
            found.append(DateRef(m.group(0), base + m.start(), base + m.end(), d.isoformat() if d else None, precision))
    return sorted(found, key=lambda r: r.start)
