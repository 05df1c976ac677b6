"""Readers for the gold formats in ../shared/data/events-*: UniversalPetrarch / PETRARCH
validation XML and the PLOVER gold-standard records (JSON).

The XML files are read with patterns, not an XML parser: two of them are not well-formed
(a "--" inside a comment, a mismatched tag), and UniversalPetrarch itself reads them line-wise.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

# Older PLOVER names used by the gold records -> current PLOVER types.
PLOVER_RENAMES = {
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "DEMAND": "REQUEST",
    "SACTION": "SANCTION",
    "INVESTIGATE": "ACCUSE",
}


@dataclass
class GoldEvent:
    code: str  # CAMEO code as given ("145", or a root "14"); "" when only PLOVER is known
    source: str  # CAMEO actor code, "" (not coded), "X" (none), "~REB" (role only), "COL, VEN"
    target: str
    plover: str | None = None

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass
class GoldSentence:
    sid: str
    doc_id: str
    order: float
    date: str | None
    text: str
    lang: str
    events: list[GoldEvent] = field(default_factory=list)
    # UniversalPetrarch's <Location> tags: (name, named in the sentence itself?)
    locations: list[tuple[str, bool]] = field(default_factory=list)


_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CODING = re.compile(r"<EventCoding\b([^>]*)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)
_LOCATION = re.compile(r"<Location\b([^>]*)>(.*?)</Location>", re.DOTALL)


def _code(raw: str) -> str:
    m = re.match(r"\s*(\d{2,4})", raw or "")
    return m.group(1) if m else ""


def _iso(d: str | None) -> str | None:
    if d and re.fullmatch(r"\d{8}", d):
        return f"{d[:4]}-{d[4:6]}-{d[6:]}"
    return None


_NOTE_PREFIX = re.compile(r"^(\d{8}) \S+_NYN_\S* \| ")


def read_up_xml(path: str | Path, lang: str) -> list[GoldSentence]:
    raw = Path(path).read_text(encoding="utf-8", errors="replace")
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.DOTALL)
    out: list[GoldSentence] = []
    for m in _SENTENCE.finditer(raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("evaluate", "true").lower() == "false":
            continue
        body = m.group(2)
        t = _TEXT.search(body)
        if not t:
            continue
        text = html.unescape(re.sub(r"\s+", " ", t.group(1))).strip()
        day = _iso(attrs.get("date"))
        note = _NOTE_PREFIX.match(text)
        if note:
            # the Colombian "Noche y Niebla" notes begin "20000721 20000721_NYN_P1_P11487 | ": the
            # event's date and the note's id, not text (the Sentence's date is when it was coded)
            day, text = _iso(note.group(1)) or day, text[note.end() :]
        sid = attrs.get("id", f"s{len(out)}")
        doc_id, _, num = sid.rpartition("_")
        try:
            order = float(num)
        except ValueError:
            order = float(len(out))
        events = []
        for c in _CODING.finditer(body):
            ca = dict(_ATTR.findall(c.group(1)))
            plover = (ca.get("plover") or "").strip().upper() or None
            if plover:
                plover = PLOVER_RENAMES.get(plover, plover)
            events.append(
                GoldEvent(
                    _code(ca.get("eventcode", "")),
                    ca.get("sourcecode", "").strip(),
                    ca.get("targetcode", "").strip(),
                    plover,
                )
            )
        locations = [
            (html.unescape(name).strip(), dict(_ATTR.findall(la)).get("loc_in_sentence", "").lower() == "true")
            for la, name in _LOCATION.findall(body)
            if name.strip()
        ]
        out.append(GoldSentence(sid, doc_id or sid, order, day, text, lang, events, locations))
    return out


def _actors(value: object) -> str:
    """PLOVER records give a list of {code, sector}; a few give "" or null (= not coded)."""
    if not isinstance(value, list):
        return ""
    return ", ".join(a.get("code", "") + (a.get("sector") or "") for a in value if isinstance(a, dict))


def read_plover_json(path: str | Path) -> list[GoldSentence]:
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for r in records:
        if "text" not in r or "event" not in r:
            continue  # the DOCUMENT header
        src, tgt = _actors(r.get("source")), _actors(r.get("target"))
        ev = PLOVER_RENAMES.get(r["event"], r["event"])
        out.append(
            GoldSentence(
                r["id"], r["id"], 0.0, r.get("date"), r["text"], r.get("language", "en"), [GoldEvent("", src, tgt, ev)]
            )
        )
    return out


def read_gold(path: str | Path, lang: str | None = None) -> list[GoldSentence]:
    """Read any supported gold file; the language comes from `lang` or the folder name."""
    p = Path(path)
    if p.suffix == ".json":
        return read_plover_json(p)
    guess = lang or ("es" if "-es" in str(p.parent.name) or "spanish" in p.name else "en")
    return read_up_xml(p, guess)
