"""The data that flows through heraldo: every stage reads these and adds its own.

Every object that came from text carries ``start``/``end``: Python ``str`` offsets into the
input text exactly as the user gave it (end exclusive), so any output can be shown with its
evidence.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Span:
    """A piece of the input text."""

    text: str
    start: int
    end: int


@dataclass
class Mention:
    """An actor as it appears in the text, resolved against the knowledge base."""

    text: str
    start: int
    end: int
    name: str | None = None
    kb_id: str | None = None
    type: str = "other"  # person|country|organization|group|other
    code: str | None = None  # CAMEO-style: RUSGOV, ---REB, IGOUNO
    country: str | None = None
    sector: str | None = None
    rule: str | None = None  # how it was found/resolved, for auditing

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("rule")
        return d


@dataclass
class Place:
    text: str
    start: int
    end: int
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: str  # city|admin|country|region|site|other
    geonames_id: int | None = None
    role: str = "mentioned"  # event|mentioned

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DateRef:
    text: str
    start: int
    end: int
    date: str | None  # ISO YYYY-MM-DD
    precision: str  # day|month|year|none


@dataclass
class Quote:
    text: str
    start: int
    end: int
    direct: bool
    cue: Span | None
    speaker: Mention | None
    # The content's pieces when the cue interrupts it («…», dijo Kim, «…»; "Climate change, Obama
    # says, is …"): `start`/`end` then run from the first piece to the last, cue included.
    parts: list[Span] | None = None
    # "direct" (marks), "reported" (a speech cue's clause, "según X"), or "stance": what a learned
    # attribution cue holds ("criticized [the plan]", "wants [to run]"; quotes/__init__.py)
    kind: str = ""

    def content_spans(self) -> list[tuple[int, int]]:
        return [(p.start, p.end) for p in self.parts] if self.parts else [(self.start, self.end)]

    def kind_name(self) -> str:
        """`kind`, or what `direct` implies when it was left unset."""
        return self.kind or ("direct" if self.direct else "reported")

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "direct": self.direct,
            "cue": asdict(self.cue) if self.cue else None,
            "speaker": self.speaker.to_json() if self.speaker else None,
            "parts": [asdict(p) for p in self.parts] if self.parts else None,
            "kind": self.kind_name(),
        }


@dataclass
class Attribution:
    text: str | None
    source: Mention | None
    hedged: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "source": self.source.to_json() if self.source else None,
            "hedged": self.hedged,
        }


@dataclass
class Evidence:
    sentence: str
    start: int
    end: int
    trigger: Span


@dataclass
class Event:
    cameo: str
    cameo_root: str
    plover: str | None
    plover_mode: str | None
    quad_class: int
    goldstein: float | None
    source: Mention
    target: Mention | None
    location: Place | None
    date: str | None
    date_precision: str
    status: str  # asserted|negated|intended|hypothetical
    attribution: Attribution | None
    evidence: Evidence
    confidence: float
    rule: str  # which lexicon entry / rule produced it
    # the statistical second opinion (heraldo.events.classifier): model name, the probabilities
    # it gives this event's PLOVER type (p_type) and CAMEO root (p_root), and its own best type
    second_opinion: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "source": self.source.to_json(),
            "target": self.target.to_json() if self.target else None,
            "location": self.location.to_json() if self.location else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "status": self.status,
            "attribution": self.attribution.to_json() if self.attribution else None,
            "evidence": {
                "sentence": self.evidence.sentence,
                "start": self.evidence.start,
                "end": self.evidence.end,
                "trigger": asdict(self.evidence.trigger),
            },
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "second_opinion": self.second_opinion,
        }


@dataclass
class Article:
    """An input record after cleaning: the original text plus the spans worth reading."""

    id: str | None
    text: str
    title: str | None = None
    date: str | None = None  # publication date, ISO
    lang: str | None = None
    url: str | None = None
    outlet: str | None = None
    # (start, end) spans of `text` that hold article prose, in order; the rest is noise
    segments: list[tuple[int, int]] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    dateline: Span | None = None


@dataclass
class CodedArticle:
    """Everything heraldo found in one article; serialises to one contract output line."""

    id: str | None
    lang: str | None
    title: str | None
    date: str | None
    url: str | None = None
    outlet: str | None = None
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[Mention] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)  # bylines and HTML author metadata
    error: dict[str, str] | None = None
    line: int | None = None
    text: str | None = None  # kept for the store; not part of the JSON line

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id}
        if self.line is not None:
            d["line"] = self.line
        d.update(
            {
                "lang": self.lang,
                "title": self.title,
                "date": self.date,
                "url": self.url,
                "outlet": self.outlet,
                "events": [e.to_json() for e in self.events],
                "quotes": [q.to_json() for q in self.quotes],
                "places": [p.to_json() for p in self.places],
                "actors": [m.to_json() for m in self.actors],
                "credits": list(self.credits),
                "authors": list(self.authors),
                "error": self.error,
            }
        )
        return d
