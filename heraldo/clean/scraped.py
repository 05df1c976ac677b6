"""Scraped plain text: mastheads, repeated headlines, captions with glued photo credits,
share-button lines, datelines. Each rule is a small function with a test table in
tests/test_clean.py.
"""

from __future__ import annotations

import re

from heraldo.model import Span
from heraldo.textutil import fold

# Agencies and photo services whose name is glued to captions by scrapers ("…UcraniaAFP").
AGENCIES = (
    "AFP",
    "EFE",
    "Reuters",
    "AP",
    "Europa Press",
    "EP",
    "DPA",
    "ANSA",
    "Xinhua",
    "Getty Images",
    "Getty",
    "EPA",
    "Bloomberg",
    "AAP",
    "KCNA",
    "Yonhap",
    "TASS",
    "Sputnik",
    "Anadolu",
    "NurPhoto",
    "Shutterstock",
)
_AGENCY_ALT = "|".join(sorted((re.escape(a) for a in AGENCIES), key=len, reverse=True))
# Credit glued to the caption: the agency follows a lower-case letter, closing bracket or a
# period with no space ("…del NorteEFE", "…Ucrania.AFP"), optionally "/ Photographer".
_GLUED_CREDIT = re.compile(rf"(?<=[a-záéíóúüñ\.\)\]])(?P<credit>(?:{_AGENCY_ALT})(?:\s*/\s*[\w .'-]+)?)\s*$")
# "Foto: X", "Photo: X / AFP", "(Reuters)" at the end of a line, "Imagen: X".
_LABELLED_CREDIT = re.compile(
    r"(?:^|\s)(?P<credit>(?:Foto|Fotografía|Imagen|Photo|Image|Picture|Credit|Crédito)s?\s*:\s*[^\n]{1,80})\s*$",
    re.IGNORECASE,
)
_BRACKET_CREDIT = re.compile(rf"\s*\((?P<credit>{_AGENCY_ALT})\)\s*$")
_MASTHEAD = re.compile(
    r"^(fundad[oa] en \d{4}|founded in \d{4}|since \d{4}|desde \d{4}|edici[oó]n (impresa|digital|internacional)"
    r"|print edition|suscr[ií]bete|subscribe|iniciar sesi[oó]n|log ?in|sign in|men[uú]|menu)\b",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^(lea tambi[eé]n|leer m[aá]s|read more|see also|related|relacionad[oa]s?|compartir|share|"
    r"comparte esta noticia|tweet|twitter|facebook|whatsapp|telegram|linkedin|email|copiar enlace|copy link|"
    r"publicidad|advertisement|cargando|loading|s[ií]guenos)\b.{0,80}$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:[Pp]or|[Bb]y)\s+(?P<author>[A-ZÁÉÍÓÚÑ][\w'.-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w'.-]+){0,3})\s*$")
# "BOGOTA, 11 jun (AFP) -" / "MOSCOW, July 12 (Reuters) -"
_DATELINE = re.compile(
    rf"^(?P<place>[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ .'-]{{2,40}}),\s*(?P<date>[\w .]{{1,20}}?)\s*"
    rf"\((?P<credit>{_AGENCY_ALT})\)\s*[-–—]?\s*"
)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, whitespace trimmed."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def strip_credit(line: str) -> tuple[str, str | None]:
    """Split a caption line into (caption, credit). Returns (line, None) when no credit.

    >>> strip_credit("Putin en su última visita a Corea del NorteEFE")
    ('Putin en su última visita a Corea del Norte', 'EFE')
    """
    for pattern in (_GLUED_CREDIT, _BRACKET_CREDIT, _LABELLED_CREDIT):
        m = pattern.search(line)
        if m and m.start("credit") > 0:
            caption = line[: m.start("credit")].rstrip(" -–—|·(")
            if caption:
                return caption, m.group("credit").strip()
    m = _LABELLED_CREDIT.match(line.strip())
    if m:  # a line that is only a credit: "Foto: Reuters"
        return "", m.group("credit").strip()
    return line, None


def _normal(line: str) -> str:
    return re.sub(r"\W+", " ", fold(line)).strip()


def clean_text(text: str) -> tuple[list[tuple[int, int]], list[str], list[str], Span | None]:
    """Find the prose of a scraped article.

    Returns (segments, credits, authors, dateline): segments are (start, end) spans of `text`
    to analyse, in order; credits are agencies/photographers found glued to captions or in
    datelines; authors come from byline lines; the dateline is the place span of
    "BOGOTA, 11 jun (AFP) -" when present.
    """
    segments: list[tuple[int, int]] = []
    credits: list[str] = []
    authors: list[str] = []
    dateline: Span | None = None
    seen: set[str] = set()
    for s, e in _lines(text):
        line = text[s:e]
        if _MASTHEAD.match(line) or _BOILERPLATE.match(line):
            continue
        byline = _BYLINE.match(line)
        if byline:
            authors.append(byline.group("author"))
            continue
        dl = _DATELINE.match(line)
        if dl and dateline is None:
            dateline = Span(
                dl.group("place").strip(), s + dl.start("place"), s + dl.start("place") + len(dl.group("place").strip())
            )
            credits.append(dl.group("credit"))
            s = s + dl.end()
            line = text[s:e]
        caption, credit = strip_credit(line)
        if credit:
            credits.append(credit)
            e = s + len(caption)
            line = caption
        key = _normal(line)
        if not key:
            continue
        if key in seen:  # a headline repeated as a caption (or the reverse): keep one copy
            continue
        seen.add(key)
        segments.append((s, e))
    return segments, list(dict.fromkeys(credits)), authors, dateline
