"""Build the stages for a language once; run one article or a stream.

    record (dict) -> Article (clean) -> parsed Docs (spaCy) -> mentions -> places, dates,
    quotes -> events -> CodedArticle

`Pipeline.code(record)` is the one article function: the CLI, the store and every engine call it.
"""

from __future__ import annotations

import os
import re
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from heraldo.actors import ActorFinder, ArticleContext, TokMention
from heraldo.clean import clean_text, html_to_text
from heraldo.dates import find_dates
from heraldo.errors import InputError
from heraldo.events import Candidate, EventCoder, conditional_threat, is_official
from heraldo.events.classifier import MODEL_NAME, EventClassifier, load_classifier
from heraldo.lang import SUPPORTED, language
from heraldo.model import Article, Attribution, CodedArticle, DateRef, Event, Evidence, Mention, Place, Quote, Span
from heraldo.nlp import DEFAULT_MODELS, detect_language, load_model
from heraldo.ontology import cameo, cameo_table, intent_of, refusal_of
from heraldo.places import (
    article_regions,
    city_place,
    find_places,
    gazetteer,
    home_countries,
    local_names,
    namesake_regions,
    resolve_city,
)
from heraldo.quotes import (
    absorb,
    attach_quote,
    colon_cue,
    continue_quote,
    find_quotes,
    indirect_quotes,
    labelled_turn,
    stance_quotes,
)
from heraldo.textutil import fold, mostly_upper, parse_text

# An event whose CAMEO root the classifier gives less than this probability is vetoed
# (docs/accuracy.md: chosen on the dev sets, where it removed mostly wrong-type events).
VETO_BELOW = 0.02
# Confidence taken off an event whose trigger is in a clause below the sentence's main event
# ("demanded that Moscow admit the forces murdered…": the murder). Chosen on the PLOVER records
# (type accuracy 0.714 -> 0.733, confidence AUC 0.729 -> 0.816; docs/accuracy.md).
NESTED_PENALTY = 0.35
CLASSIFIER_WEIGHT = 0.5  # share of an event's confidence that is the classifier's probability

# What may follow a quote's last word before its sentence ends, and how long a sentence after a
# quote may be to count as only its cue ("Tulsa police chief Chuck Jordan said Monday.")
CLOSING_MARKS = " \n\t»”\"'’.,;:?!"
CUE_SENTENCE_WORDS = 12
CUE_OPENING_TOKENS = 5  # or longer, when it opens with the cue: "Trump said of Apple in February, when …"


@dataclass
class Config:
    """Pipeline settings. `models` maps a language to a spaCy package name."""

    models: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_MODELS))
    max_chars: int = 2_000_000  # longer inputs get a `too_large` error record
    max_sentence_chars: int = 5_000  # longer "sentences" (tables, junk) are not coded
    max_paragraph_chars: int = 100_000  # longer paragraphs are not parsed at all
    time_limit: float = 120.0  # seconds per article before a `timeout` error record (0 = none)
    # The event-type classifier that vetoes the rules' events and sets their confidence: "default" (the shipped
    # weights), a path to weights built by scripts/train_event_classifier.py, or "off".
    classifier: str = field(default_factory=lambda: os.environ.get("HERALDO_CLASSIFIER", "default"))


@dataclass
class _Lang:
    nlp: Any
    actors: ActorFinder
    coder: EventCoder


def _iso_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError("invalid_field", f"`date` must be a string like 2025-07-12, got {type(value).__name__}")
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        raise InputError("invalid_field", f"`date` must start with YYYY-MM-DD, got {value[:40]!r}")
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise InputError("invalid_field", f"`date` is not a calendar date: {value[:40]!r} ({exc})") from None


def _looks_binary(text: str) -> bool:
    sample = text[:4000]
    if not sample:
        return False
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t") or c == "\ufffd")
    return bad / len(sample) > 0.05


class Pipeline:
    """Loads resources lazily (once per process) and codes articles.

    >>> from heraldo import Pipeline
    >>> coded = Pipeline().code({"id": "1", "text": "Rusia condenó a Ucrania.", "lang": "es"})
    >>> coded.events[0].cameo_root
    '11'
    """

    def __init__(self, config: Config | None = None):
        self.config = config or Config()
        self._langs: dict[str, _Lang] = {}

    def stages(self, lang: str) -> _Lang:
        if lang not in self._langs:
            if lang not in self.config.models:
                raise InputError(
                    "unsupported_language",
                    f"no model configured for language {lang!r}; heraldo codes {', '.join(sorted(self.config.models))}",
                )
            nlp = load_model(self.config.models[lang])
            data = language(lang)
            gazetteer()  # resources load here, once, never inside an article's time limit
            import dateparser  # noqa: F401  (slow first import)

            self._langs[lang] = _Lang(nlp, ActorFinder(nlp, data), EventCoder(data))
            self.classifier()  # loaded here, outside any article's time limit
        return self._langs[lang]

    def classifier(self) -> EventClassifier | None:
        """The event-type classifier named by `Config.classifier` (None when "off")."""
        name = self.config.classifier
        if name in ("off", "", "none") or name is None:
            return None
        return load_classifier(None if name == "default" else name)

    # -- input --------------------------------------------------------------------------------
    def article(self, record: Any) -> tuple[Article, tuple[list[int], list[int]] | None]:
        """Validate a record and find its prose. Raises InputError for bad input."""
        if not isinstance(record, dict):
            raise InputError("not_an_object", f"each line must be a JSON object, got {type(record).__name__}")
        rid = record.get("id")
        if rid is not None and (isinstance(rid, bool) or not isinstance(rid, (str, int, float))):
            raise InputError("invalid_field", f"`id` must be a string or a number, got {type(rid).__name__}")
        for key in ("text", "html", "title", "lang", "url", "outlet"):
            if key in record and record[key] is not None and not isinstance(record[key], str):
                raise InputError("invalid_field", f"`{key}` must be a string, got {type(record[key]).__name__}")
            if isinstance(record.get(key), str) and _SURROGATE.search(record[key]):
                # JSON may escape unpaired surrogates ("\ud800"), which no UTF-8 output can hold:
                # replace them one for one, so every offset still points at the same character
                record = dict(record, **{key: _SURROGATE.sub("\ufffd", record[key])})
        if isinstance(rid, str) and _SURROGATE.search(rid):
            rid = _SURROGATE.sub("\ufffd", rid)
        text, html = record.get("text"), record.get("html")
        if not (text and text.strip()) and not (html and html.strip()):
            raise InputError("missing_text", "the record needs a non-empty `text` (or `html`) field")
        raw = text if text and text.strip() else html
        assert raw is not None
        if len(raw) > self.config.max_chars:
            raise InputError(
                "too_large",
                f"input has {len(raw):,} characters; the limit is {self.config.max_chars:,} "
                "(Config.max_chars / --max-chars)",
            )
        if _looks_binary(raw):
            raise InputError("binary", "the text looks like binary data (control characters), not an article")
        pub = _iso_date(record.get("date"))
        offsets: tuple[list[int], list[int]] | None = None
        title = record.get("title")
        outlet = record.get("outlet")
        page_authors: list[str] = []
        if raw is html:
            ex = html_to_text(html)
            work, offsets = ex.text, (ex.offsets, ex.ends)
            title = title or ex.title
            outlet = outlet or ex.site  # the page's site name when the record names no outlet
            page_authors = [a.strip() for a in re.split(r"[;|]", ex.author or "") if a.strip()]
            pub = pub or (_iso_date(ex.date) if ex.date else None)
            if len(work.split()) < MIN_HTML_WORDS:  # a page of navigation links, not an article
                raise InputError(
                    "missing_text", f"no article text could be extracted from `html` ({len(work.split())} words)"
                )
        else:
            work = raw
        segments, credits, authors, dateline = clean_text(work)
        art = Article(
            id=None if rid is None else str(rid),
            text=work,
            title=title,
            date=pub.isoformat() if pub else None,
            lang=record.get("lang"),
            url=record.get("url"),
            outlet=outlet,
            segments=segments,
            credits=credits,
            authors=list(dict.fromkeys([*page_authors, *authors])),
            dateline=dateline,
        )
        return art, offsets

    # -- the article function ---------------------------------------------------------------------
    def code(self, record: Any, time_limit: float = 0.0) -> CodedArticle:
        """Code one input record. Raises InputError for bad input (see `code_safe`); with a
        `time_limit`, coding (not loading the resources) may take at most that many seconds."""
        art, offsets = self.article(record)
        lang = art.lang
        if not lang:
            sample = " ".join(art.text[s:e] for s, e in art.segments)[:3000]
            lang, _prob = detect_language(sample)
        if lang not in SUPPORTED or lang not in self.config.models:
            raise InputError(
                "unsupported_language",
                f"language {lang!r} is not supported (heraldo codes "
                f"{', '.join(SUPPORTED)}); pass `lang` if detection was wrong",
            )
        art.lang = lang
        stages = self.stages(lang)  # loading models is not the article's time
        with _time_limit(time_limit):
            coded = self._code_article(art, stages)
        _retext(coded, art.text)
        if offsets is not None:
            _remap(coded, offsets)
        return coded

    def code_safe(self, record: Any, line: int | None = None) -> CodedArticle:
        """Like `code`, but bad input becomes an error record instead of an exception, and an
        article that takes longer than `Config.time_limit` seconds gives a `timeout` record."""
        try:
            coded = self.code(record, time_limit=self.config.time_limit)
            coded.line = line
            return coded
        except InputError as exc:
            error = exc.to_json()
        except Exception as exc:  # noqa: BLE001 - one bad article must never stop a batch
            error = {"type": "internal", "message": f"{type(exc).__name__}: {exc}"[:500]}
        rid = record.get("id") if isinstance(record, dict) else None
        if isinstance(rid, str):
            rid = _SURROGATE.sub("\ufffd", rid)  # the error record must still be writable as UTF-8
        return CodedArticle(
            id=None if rid is None else str(rid), lang=None, title=None, date=None, error=error, line=line
        )

    def code_many(self, records: Iterable[Any]) -> Iterator[CodedArticle]:
        for n, rec in enumerate(records, 1):
            yield self.code_safe(rec, line=n)

    def _code_article(self, art: Article, st: _Lang) -> CodedArticle:
        pub = date.fromisoformat(art.date) if art.date else None
        ctx = ArticleContext(date=pub)
        ptext = parse_text(art.text)
        segs = art.segments
        caps = [mostly_upper(ptext[s:e], min_letters=8) for s, e in segs]
        # Headlines in capitals parse badly; they are parsed in lower case (same length, so the
        # offsets hold) and names are then matched case-insensitively.
        texts = [
            (_lower_same_length(ptext[s:e]) if up else ptext[s:e]) if e - s <= self.config.max_paragraph_chars else ""
            for (s, e), up in zip(segs, caps, strict=True)
        ]
        docs = list(st.nlp.pipe(texts))
        for doc, up in zip(docs, caps, strict=True):
            if up:
                doc.user_data["headline"] = True  # the coder reads a missed headline verb (events)
        sentences: list[tuple[Any, int, list[TokMention]]] = []
        for (s, _e), doc, up in zip(segs, docs, caps, strict=True):
            # a headline in capitals is one sentence, however the parser splits it
            for sent in [doc[:]] if up and len(doc) else doc.sents:
                if len(sent.text) > self.config.max_sentence_chars:
                    continue
                sentences.append((sent, s, st.actors.find(sent, s, ctx, caps=up or None)))
        _inherit_country(sentences)
        # The countries the article is about: its actors' and every demonym ("costera norcoreana").
        context = {tm.mention.country for _s, _b, ms in sentences for tm in ms if tm.mention.country}
        demonyms = st.coder.lang.demonyms
        context |= {c for sent, _b, _ms in sentences for t in sent if (c := st.coder.lang.demonym(t.text))}
        # The first-level regions the article names: their towns win ("Paris" beside "Texas").
        first_look = [find_places(sent, base, ms, context, demonyms) for sent, base, ms in sentences]
        named: dict[str, set[str]] = {}  # each country's words in the article
        for sent, _b, ms in sentences:
            for tm in ms:
                c = tm.mention.country
                own = tm.kind in ("country", "capital", "demonym", "person") or (
                    tm.kind == "agent" and any(st.coder.lang.demonym(sent.doc[k].text) == c for k in range(tm.i, tm.j))
                )
                if c and own:
                    named.setdefault(c, set()).add(fold(tm.mention.text))
        looked = [p for places in first_look for p, _h, _e in places]
        _inherit_place_country(sentences, looked)
        named_regions, regions = article_regions(looked, art.text, named)
        # "Georgia" beside "Texas" is a state the article names too
        also = namesake_regions(looked, named_regions, named, art.text)
        named_regions, regions = named_regions | also, regions | also
        # "Paris City Council", "a Lebanon woman": local news of a namesake town
        hometown = local_names(art.text)
        homes = home_countries(looked, art.text, named_regions, hometown) if hometown else frozenset()
        dateline_place = None
        if art.dateline:
            city = resolve_city(art.dateline.text, context, regions)
            if city:
                dateline_place = city_place(art.dateline.text, art.dateline.start, art.dateline.end, city)
        quote_spans = find_quotes(art.text, art.segments)
        open_quotes: list[Quote] = []  # quotes running past their first sentence, still without a cue
        announced: tuple[Span, Mention] | None = None  # "X said:" at the end of the previous sentence
        coded = CodedArticle(
            id=art.id,
            lang=art.lang,
            title=art.title,
            date=art.date,
            url=art.url,
            outlet=art.outlet,
            credits=art.credits,
            authors=art.authors,
            text=art.text,
        )
        if dateline_place:
            coded.places.append(dateline_place)
        for idx, (sent, base, mentions) in enumerate(sentences):
            s0 = base + sent.start_char
            s1 = base + sent.end_char
            while s1 > s0 and art.text[s1 - 1].isspace():
                s1 -= 1
            # with no region named, a second look would find the same places
            in_sentence = (
                find_places(sent, base, mentions, context, demonyms, regions, named, named_regions, hometown, homes)
                if regions or hometown
                else first_look[idx]
            )
            coded.places.extend(p for p, _h, _event in in_sentence)
            places = [(p, h) for p, h, event in in_sentence if event]  # where an event may have happened
            dates = find_dates(ptext[s0:s1], s0, art.lang or "es", pub)
            for q in [q for q in open_quotes if q.end <= s1 + 1]:
                # a quote of several sentences whose cue follows it: «…. …», dijo Kim / "…," Blige said;
                # or a quote that ends its sentence, cue in the next: "Does anybody know?" Graham asked.
                later = attach_quote(art.text, q.start, q.end, sent, base, mentions, st.coder.lang.quote_cues, None)
                next_door = (
                    q.end >= s0
                    or (
                        q.cue is None  # not announced by a colon sentence before it
                        and not art.text[q.end : s0].strip(CLOSING_MARKS)
                        and (
                            len(art.text[s0:s1].split()) <= CUE_SENTENCE_WORDS
                            or (later.cue is not None and _opens_as_cue(sent, base, later.cue.start))
                        )
                    )
                )
                if later.cue is not None and later.speaker is not None and next_door:
                    q.cue, q.speaker = later.cue, later.speaker
                open_quotes.remove(q)
            for qs, qe in quote_spans:
                if s0 <= qs < s1:
                    q = attach_quote(art.text, qs, qe, sent, base, mentions, st.coder.lang.quote_cues, ctx.last_subject)
                    if coded.quotes and continue_quote(art.text, coded.quotes[-1], q):
                        continue  # «…», dijo Kim, «…»: one quote in two parts
                    if q.cue is None and (qe > s1 or not art.text[qe:s1].strip(CLOSING_MARKS)):
                        open_quotes.append(q)
                    if q.speaker is None and q.cue is None and announced is not None:
                        q.cue, q.speaker = announced  # "Kim said:" then the quote
                    elif (
                        q.speaker is None
                        and q.cue is None
                        and coded.quotes
                        and (coded.quotes[-1].direct or "\n" not in art.text[coded.quotes[-1].end : qs])
                    ):
                        # a quote that goes on with no cue of its own, after a quote or, in the same
                        # paragraph, after reported speech ('"It's over," she said of it. "In my head."')
                        q.speaker = coded.quotes[-1].speaker
                    coded.quotes.append(q)
            announced = colon_cue(sent, base, mentions, st.coder.lang.quote_cues, ctx.last_subject)
            turn = labelled_turn(art.text, sent, base, mentions, coded.quotes)
            if turn is not None:
                coded.quotes.append(turn)
            direct = [span for q in coded.quotes for span in q.content_spans()]
            reported = indirect_quotes(
                art.text, sent, base, mentions, st.coder.lang.speech_verbs, ctx.last_subject, direct
            )
            coded.quotes = absorb(coded.quotes, reported)
            stances = stance_quotes(
                art.text, sent, base, mentions, st.coder.lang.stance, ctx.last_subject, coded.quotes
            )
            coded.quotes = absorb(coded.quotes, stances)
            found: list[Event] = []
            cands = list(st.coder.code(sent, mentions, ctx))
            depths = [_clause_depth(c.trigger, st.coder.lang.speech_verbs) for c in cands]
            main_depth = min(depths, default=0)
            for cand, depth in zip(cands, depths, strict=True):
                before = len(found)
                found.extend(
                    self._events(
                        cand,
                        art,
                        sent,
                        base,
                        (s0, s1),
                        places,
                        dates,
                        dateline_place,
                        coded.quotes,
                        pub,
                        st.coder.lang.implied_target_roots,
                    )
                )
                if depth > main_depth:  # an event in a clause below the sentence's main event
                    for e in found[before:]:
                        e.confidence = max(0.05, e.confidence - NESTED_PENALTY)
            coded.events.extend(_one_per_dyad(found))
            coded.actors.extend(tm.mention for tm in mentions if tm.kind != "reciprocal" and not tm.place_part)
            ctx.last_subject = _root_subject(sent, mentions) or ctx.last_subject
        self._second_opinion(coded)
        return coded

    def _second_opinion(self, coded: CodedArticle) -> None:
        """Ask the classifier about each event's sentence. Its probability for the event's CAMEO
        root (the sum over the PLOVER types the root's codes map to: 16 is SANCTION or COERCE)
        vetoes the event below VETO_BELOW and is otherwise blended into its confidence; both
        that and the event's own PLOVER type's probability are recorded in `second_opinion`."""
        model = self.classifier()
        if model is None or not coded.events:
            return
        sentences = sorted({e.evidence.sentence for e in coded.events})
        probs = dict(zip(sentences, model.probabilities(sentences), strict=True))
        kept: list[Event] = []
        for e in coded.events:
            p = probs[e.evidence.sentence]
            best = max((k for k in p if k != "NONE"), key=p.__getitem__)
            types = _root_types().get(e.cameo_root, set()) | ({e.plover} if e.plover else set())
            p_root = sum(p.get(t, 0.0) for t in types) if types else None
            e.second_opinion = {
                "model": MODEL_NAME,
                "p_type": round(p[e.plover], 3) if e.plover in p else None,
                "p_root": None if p_root is None else round(p_root, 3),
                "best": best,
                "p_best": round(p[best], 3),
            }
            if p_root is not None:
                # Only asserted events are vetoed: an announced, refused or conditional action was
                # recoded from what the sentence is about ("will provide food aid": AID) into an
                # intent, a refusal or a threat, and the classifier, reading the sentence, is no
                # judge of that root.
                if p_root < VETO_BELOW and e.status == "asserted":
                    continue
                e.confidence = (1 - CLASSIFIER_WEIGHT) * e.confidence + CLASSIFIER_WEIGHT * p_root
            kept.append(e)
        if len(kept) < len(coded.events):
            located = {id(e.location) for e in kept if e.location is not None}
            for place in coded.places:
                if place.role == "event" and id(place) not in located:
                    place.role = "mentioned"
            coded.events = kept

    def _events(
        self,
        cand: Candidate,
        art: Article,
        sent: Any,
        base: int,
        sspan: tuple[int, int],
        places: list[tuple[Place, int]],
        dates: list[DateRef],
        dateline: Place | None,
        quotes: list[Quote],
        pub: date | None,
        implied_roots: frozenset[str] = frozenset(),
    ) -> Iterator[Event]:
        tok = cand.trigger
        doc = sent.doc
        code = cand.cameo if cand.cameo in cameo_table() else cand.cameo[:2]
        if cand.status in ("intended", "hypothetical") and conditional_threat(tok, code):
            # "will withdraw its force from Chad unless…": a threat, the specific one if CAMEO has it
            intent = intent_of(code)
            code = intent if intent and intent[:2] == "13" else "130"
        elif cand.status == "negated" and (refusal := refusal_of(code)):
            code = refusal  # "will not accept more refugees": a refusal to yield (124)
        elif cand.status == "intended" and (intent := intent_of(code)):
            code = intent  # an announced strike is a threat to protest (133), promised aid intent to aid (033)
        elif cand.status == "hypothetical" and (intent := intent_of(code)):
            code = intent  # "si no hay respuesta se iniciará un paro", "posibles protestas"
        info = cameo(code)
        if cand.plover and code == cand.cameo:
            # "indicted", "sued": CAMEO 173 as an accusation in PLOVER, not an arrest (lexicon flag)
            info = replace(info, plover=cand.plover[0], plover_mode=cand.plover[1])
        t0 = base + tok.idx
        last = doc[cand.trigger_end - 1]
        t1 = base + last.idx + len(last.text)
        subtree = {
            t.i
            for t in (
                tok.head.subtree if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("obj", "dobj") else tok.subtree
            )
        }
        location = next((p for p, h in places if h in subtree and p.feature == "city"), None)
        location = location or next(
            (p for p, h in places if h in subtree and (p.country or not _in_nested_clause(doc[h], tok))), None
        )
        location = location or next((p for p, _h in places if p.feature == "city"), None)
        # "paro en Colombia"; a place with no country (a continent, an ocean) says where an event
        # happened only from the trigger's own clause, not from a clause nested in it or from
        # elsewhere in the sentence ("…, manifestando una postura frente a … el orden en Asia")
        location = location or next((p for p, _h in places if p.country), None) or dateline
        if location is not None:
            location.role = "event"
        lo = base + doc[min(subtree)].idx
        hi = base + doc[max(subtree)].idx + len(doc[max(subtree)].text)
        local = [d for d in dates if lo <= d.start and d.end <= hi and d.date]
        precise = [d for d in dates if d.date and d.precision != "none"]
        when = local[0] if local else (precise[0] if len(precise) == 1 else None)
        if when is not None:
            ev_date, precision = when.date, when.precision
        else:
            ev_date, precision = (pub.isoformat() if pub else None), "none"
        attribution = cand.attribution
        for q in quotes:
            if q.kind == "stance":
                continue  # "criticized [the attack]": not a claim that the attack happened
            if any(s <= t0 < e for s, e in q.content_spans()):  # not the cue between a quote's parts
                attribution = Attribution(None, q.speaker, attribution.hedged if attribution else False)
        sentence = art.text[sspan[0] : sspan[1]]
        for i, source in enumerate(cand.sources):
            if source.rule == "implicit":
                source = Mention("", t0, t0, type="other", rule="implicit")
            target = cand.targets[i] if cand.reciprocal and i < len(cand.targets) else None
            pairs = [(source, target)] if cand.reciprocal else [(source, t) for t in cand.targets]
            same = [
                (s, t)
                for s, t in pairs
                if t is not None
                and s.code == t.code
                and ((s.kb_id and s.kb_id == t.kb_id) or s.sector in (None, "GOV"))
            ]
            # Kim (PRKGOV) -> Pionyang (PRKGOV): one state named twice, not a dyad; when that was
            # the only target, the event stands without one ("threatened to impose a curfew in Algiers")
            pairs = [pair for pair in pairs if pair not in same] or (
                [(source, None)] if same and not cand.reciprocal else []
            )
            if info.root in implied_roots and not cand.reciprocal:
                pairs = [(s, t if t is not None else _implied_target(s, location, t0)) for s, t in pairs]
            for s, t in pairs:
                confidence = (
                    0.5 + (0.2 if _names_target(t) else 0) + (0.15 if s.kb_id else 0) - (0.2 if not s.code else 0)
                )
                confidence -= 0.2 if "dropped-subject" in cand.rule else 0
                yield Event(
                    cameo=info.code,
                    cameo_root=info.root,
                    plover=info.plover,
                    plover_mode=info.plover_mode,
                    quad_class=info.quad_class,
                    goldstein=info.goldstein,
                    source=s,
                    target=t,
                    location=location,
                    date=ev_date,
                    date_precision=precision,
                    status=cand.status,
                    attribution=attribution,
                    evidence=Evidence(sentence, sspan[0], sspan[1], Span(art.text[t0:t1], t0, t1)),
                    confidence=max(0.05, min(confidence, 0.95)),
                    rule=cand.rule + (":implied-target" if t is not None and not _names_target(t) else ""),
                )


IMPLIED = "implied"  # the rule of an implied target's mention


def _clause_depth(tok: Any, speech_verbs: frozenset[str]) -> int:
    """How many predicates govern a trigger's clause, speech verbs not counted: 0 for the main verb
    of "Poland demanded that Moscow admit...", 1 for "admit"; 0 for "attacked" in "X said Y
    attacked"; a noun trigger is in its verb's clause ("suspended aid deliveries": 0)."""
    verbs = [a for a in tok.ancestors if a.pos_ in ("VERB", "AUX") and fold(a.lemma_) not in speech_verbs]
    if tok.pos_ not in ("VERB", "AUX") and verbs:
        verbs = verbs[1:]
    return len(verbs)


def _implied_target(source: Mention, location: Place | None, at: int) -> Mention | None:
    """The government a protest, demand or threat by people is addressed to when the text names
    no one: the source's country's, else the event location's ("los maestros exigen aumentos
    salariales" -> ECUGOV). An empty span at the trigger, rule `implied`; none for an official
    source (a state, a government, an army, an international body: "Perú protestó")."""
    if source.code and is_official(source):
        return None
    country = source.country or (location.country if location is not None else None)
    if not country:
        return None
    return Mention("", at, at, type="organization", code=country + "GOV", country=country, sector="GOV", rule=IMPLIED)


def _names_target(target: Mention | None) -> bool:
    """A target the text names: not none, not an implied one (the state addressed)."""
    return target is not None and target.rule != IMPLIED


def _opens_as_cue(sent: Any, base: int, cue_start: int) -> bool:
    """Does the sentence open with its subject and this cue, reporting nothing of its own
    ('"Who do they think they are?" Trump said of Apple in February, when …')?"""
    cue = next((t for t in sent if base + t.idx == cue_start), None)
    if cue is None or cue.i - sent.start > CUE_OPENING_TOKENS:
        return False
    return not any(c.dep_ in ("ccomp", "xcomp") or c.text == ":" for c in cue.children)


def _in_nested_clause(tok: Any, trigger: Any) -> bool:
    """Whether `tok` hangs from `trigger` through another verb (a clause of its own)."""
    while tok.i != trigger.i and tok.head.i != tok.i:
        tok = tok.head
        if tok.i != trigger.i and tok.pos_ in ("VERB", "AUX"):
            return True
    return False


@lru_cache(maxsize=1)
def _root_types() -> dict[str, set[str]]:
    """CAMEO root -> the PLOVER types its codes map to."""
    types: dict[str, set[str]] = {}
    for code, info in cameo_table().items():
        if info.plover:
            types.setdefault(code[:2], set()).add(info.plover)
    return types


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise InputError('timeout') if the block runs longer than `seconds` (main thread only:
    elsewhere, and with 0, no limit is set)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(_signum: int, _frame: Any) -> None:
        raise InputError("timeout", f"coding took longer than {seconds:g} s (Config.time_limit / --time-limit)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_SURROGATE = re.compile("[\ud800-\udfff]")
MIN_HTML_WORDS = 3  # fewer words extracted from a page: no article


def _lower_same_length(text: str) -> str:
    low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low[:1].upper() + low[1:]


def _inherit_country(sentences: list[tuple[Any, int, list[TokMention]]]) -> None:
    """Role nouns with no country of their own ("los manifestantes", "el gobierno") take the
    article's country when one country clearly dominates its actors (the only country named, or
    at least 2 mentions and half of all country mentions)."""
    counts: dict[str, int] = {}
    for _s, _b, ms in sentences:
        for tm in ms:
            c = tm.mention.country
            if c and tm.kind != "media":
                counts[c] = counts.get(c, 0) + 1
    if not counts:
        return
    top, n = max(counts.items(), key=lambda kv: kv[1])
    if n * 2 < sum(counts.values()) or (n < 2 and len(counts) > 1):
        return
    _give_country(sentences, top, "agent:article-country")


def _give_country(sentences: list[tuple[Any, int, list[TokMention]]], country: str, rule: str) -> None:
    """Role nouns with no country of their own take `country`."""
    for _s, _b, ms in sentences:
        for tm in ms:
            m = tm.mention
            if tm.kind == "agent" and m.country is None and m.sector:
                m.country, m.code, m.rule = country, country + m.sector, rule


def _inherit_place_country(sentences: list[tuple[Any, int, list[TokMention]]], places: list[Place]) -> None:
    """In an article whose actors name no country at all, role nouns with no country ("los
    paramilitares", "la policía") take the country of its places when one country holds at least
    two thirds of them: "Paramilitares ejecutaron a dos personas, ANTIOQUIA, PUEBLORRICO" are
    Colombian paramilitaries (COLUAF)."""
    if any(tm.mention.country for _s, _b, ms in sentences for tm in ms if tm.kind != "media"):
        return
    counts: dict[str, int] = {}
    for p in places:
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + 1
    if not counts:
        return
    top, n = max(counts.items(), key=lambda kv: kv[1])
    if n * 3 < 2 * sum(counts.values()):
        return
    _give_country(sentences, top, "agent:place-country")


def _one_per_dyad(events: list[Event]) -> list[Event]:
    """One event per sentence for each (CAMEO root, source, target): "protestaron … en una protesta"
    is one protest. An event with an implicit source gives way to one of the same root whose
    source is named, and one with no target to the same source's event with a target. The most
    confident event of a group is kept, in sentence order."""
    best: dict[tuple[Any, ...], Event] = {}
    for e in events:
        key = (e.cameo_root, e.source.code, e.target.code if e.target is not None and _names_target(e.target) else None)
        if key not in best or e.confidence > best[key].confidence:
            best[key] = e
    named = {e.cameo_root for e in best.values() if e.source.code}
    targeted = {(e.cameo_root, e.source.code) for e in best.values() if _names_target(e.target)}
    kept = [
        e
        for e in best.values()
        if (e.source.code or e.cameo_root not in named)
        and (_names_target(e.target) or (e.cameo_root, e.source.code) not in targeted)
    ]
    return sorted(kept, key=lambda e: (e.evidence.trigger.start, e.cameo))


def _root_subject(sent: Any, mentions: list[TokMention]) -> Mention | None:
    by_token = {k: tm for tm in mentions for k in range(tm.i, tm.j)}
    root = sent.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
            for t in c.subtree:
                tm = by_token.get(t.i)
                if tm and tm.mention.code and not tm.locative and tm.kind != "reciprocal":
                    return tm.mention
    return None


def _spans(coded: CodedArticle) -> Iterator[Any]:
    """Every object of a coded article that points into the input (has `start`/`end`), once
    each: a mention shared by an event and the actor list is yielded the first time only."""
    seen: set[int] = set()
    candidates: list[Any] = [*coded.actors, *coded.places]
    for q in coded.quotes:
        candidates += [q, q.cue, q.speaker, *(q.parts or [])]
    for e in coded.events:
        candidates += [e.source, e.target, e.location, e.evidence, e.evidence.trigger]
        if e.attribution:
            candidates.append(e.attribution.source)
    for obj in candidates:
        if obj is not None and id(obj) not in seen:
            seen.add(id(obj))
            yield obj


def _retext(coded: CodedArticle, text: str) -> None:
    """Every span's `text` is the input's own characters at its offsets (the parser saw a
    normalised copy: quote glyphs as '"', capitals lowered in all-caps paragraphs)."""
    for obj in _spans(coded):
        if obj.start is None:
            continue
        if isinstance(obj, Evidence):
            obj.sentence = text[obj.start : obj.end]
        else:
            obj.text = text[obj.start : obj.end]


def _remap(coded: CodedArticle, spans: tuple[list[int], list[int]]) -> None:
    """Move every span from extracted-text offsets to offsets in the user's HTML: a span starts
    where its first character starts and ends where its last character ends."""
    offsets, ends = spans
    for obj in _spans(coded):
        start, end = obj.start, obj.end
        obj.start = offsets[start] if start < len(offsets) else offsets[-1]
        obj.end = ends[end - 1] if 0 < end <= len(ends) and end > start else obj.start


_DEFAULT: Pipeline | None = None


def code_article(record: dict[str, Any]) -> CodedArticle:
    """Code one article with the default pipeline (resources load on first call).

    >>> code_article({"id": "a", "text": "Rusia condenó a Ucrania.", "lang": "es"}).events[0].plover
    'ACCUSE'
    """
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT.code(record)


__all__ = ["Config", "Pipeline", "code_article"]
