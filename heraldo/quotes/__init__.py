"""Direct quotes («…», “…”, "…") with their cue verb and speaker.

The speaker is the subject of the nearest speech verb outside the quote in the same sentence,
the subject carried over when Spanish drops it ("Subrayó, además, …"), or the actor of a
"según X" / "according to X" phrase.
"""

from __future__ import annotations

import re
from typing import Any

from heraldo.actors import TYPE_RANK, TokMention
from heraldo.model import Mention, Quote, Span
from heraldo.textutil import fold

# «…», “…” (or ”…”), "…", ''…'' (the New York Times' doubled apostrophes), and single quotes ‘…’ / '…' whose
# marks are not apostrophes: an opening mark after no letter, a closing one before no letter
# (so "isn't" and "It’s" stay inside)
_QUOTE = re.compile(
    r"«(?P<a>[^«»]+)»|“(?P<b>[^“”]+)”|\"(?P<c>[^\"\n]+)\""
    r"|(?<!\w)”(?P<g>[^“”\n]+)”"  # a closing mark typed for the opening one
    r"|''(?P<d>(?:(?!'')[^\n])+)''"
    r"|(?<![\w‘’])‘(?P<e>\S(?:[^‘’\n]|’(?=\w))*?)’(?!\w)"
    r"|(?<![\w'])'(?P<f>[^\s'](?:[^'\n]|'(?=\w))*?)'(?![\w'])"
)
_DASH_NAME = re.compile(
    r"[^\S\n]*(?P<dash>[―—–])[^\S\n]*(?P<name>[A-ZÁÉÍÓÚÑ][\w.'’-]*(?:[^\S\n]+[A-ZÁÉÍÓÚÑ][\w.'’-]*){0,4})"
)
MIN_WORDS = 4  # «cordiales saludos» is a quoted phrase, not a statement
_OPENING = frozenset("«“\"'‘")  # marks that open a quote


# Typographic marks only: a paragraph that opens with a straight '"' and never closes it is as
# often a transcript line or a stray mark as a quote that goes on.
_PAIRS = {"«": "»", "“": "”"}


def _unclosed(seg: str) -> str | None:
    """The opening mark of a paragraph that is all quote and does not close it ("«Rusia no
    busca la guerra." … with the quote going on in the next paragraph), else None."""
    body = seg.lstrip()
    mark = body[:1]
    if mark not in _PAIRS or _PAIRS[mark] in body or body.count(mark) != 1:
        return None
    return mark


def _spanning(text: str, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotes that run over several paragraphs: the press opens each paragraph of the quote with
    the mark again and closes only the last («… \n\n«…», dijo X), or closes only at the end
    («… \n\n…», dijo X). (start, end) of the content, from the first paragraph's mark to the
    closing one."""
    out = []
    i = 0
    while i < len(segments):
        s, e = segments[i]
        mark = _unclosed(text[s:e])
        if mark is None:
            i += 1
            continue
        qs = s + (len(text[s:e]) - len(text[s:e].lstrip())) + 1
        close = _PAIRS[mark]
        j, end = i + 1, None
        while j < len(segments) and end is None:
            s2, e2 = segments[j]
            seg = text[s2:e2]
            lead = len(seg) - len(seg.lstrip())
            if _unclosed(seg) == mark:  # a middle paragraph, reopened and not closed
                j += 1
                continue
            reopened = seg[lead : lead + 1] == mark
            at = seg.find(close, lead + 1 if reopened else lead)
            if at < 0 or mark in seg[lead + reopened : at]:
                break
            end = s2 + at
        if end is not None:
            out.append((qs, end))
            i = j + 1
        else:
            i += 1
    return out


def find_quotes(text: str, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the content of each direct quote inside the article's segments, those
    spanning paragraphs included."""
    out = [(qs, qe) for qs, qe in _spanning(text, segments) if len(text[qs:qe].split()) >= MIN_WORDS]
    for s, e in segments:
        for m in _QUOTE.finditer(text, s, e):
            g = next(k for k in "abcdefg" if m.group(k) is not None)
            qs, qe = m.start(g), m.end(g)
            if len(text[qs:qe].split()) >= MIN_WORDS and not any(a <= qs and qe <= b for a, b in out):
                out.append((qs, qe))
    return sorted(out)


def paragraph_parts(text: str, qs: int, qe: int) -> list[Span] | None:
    """The pieces of a quote that spans paragraphs, one per paragraph, without the marks that
    reopen it; None for a quote within one paragraph."""
    if "\n" not in text[qs:qe]:
        return None
    parts = []
    for m in re.finditer(r"[^\n]+", text[qs:qe]):
        a, b = qs + m.start(), qs + m.end()
        while a < b and (text[a].isspace() or text[a] in _PAIRS):
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            parts.append(Span(text[a:b], a, b))
    return parts if len(parts) > 1 else None


def _uncoded(span: Any, base: int, rule: str) -> Mention:
    """A speaker no dictionary codes: the words of a parsed span, as they stand."""
    return Mention(span.text, base + span.start_char, base + span.end_char, type="other", rule=rule)


def _speaker_of(
    verb: Any, base: int, by_token: dict[int, TokMention], outside: Any, running: Mention | None
) -> Mention | None:
    """The subject of a cue verb (climbing out of gerunds and infinitives), or the running
    subject when Spanish drops it."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
        # '"…, it will at some point," said James Acton': not a subject inside the quote
        # (the nearest of two: "MACAU (AP) — Sheldon Adelson said")
        outer = [c for c in subjects if outside(c)]
        subj = min(outer, key=lambda c: abs(c.i - verb.i)) if outer else (subjects[0] if subjects else None)
        if subj is not None and subj.i not in by_token and subj.ent_type_ not in ("PERSON", "PER"):
            # "MACAU (AP) — donor Sheldon Adelson said": a dateline parsed as the subject, the
            # person in apposition to it
            subj = next((c for c in subj.children if c.dep_ == "appos" and c.ent_type_ in ("PERSON", "PER")), subj)
        if subj is not None:
            cands = [by_token[t.i] for t in subj.subtree if t.i in by_token and outside(t)]
            # not a reciprocal, nor a place ("MACAU (AP) — Sheldon Adelson said", "voters in Georgia")
            cands = [c for c in cands if c.kind != "reciprocal" and not (c.locative or c.place_part)]
            if subj.pos_ == "PROPN" and subj.i not in by_token and subj.ent_type_ in ("PERSON", "PER"):
                # "Top Republican Party donor Sheldon Adelson said": the person the knowledge base
                # lacks, not the party of the words before the name
                return _uncoded(_name_run(subj), base, "quote:subject-name")
            # "Douglas Holtz-Eakin, an economist in Washington": not the place in a phrase that
            # hangs from the subject, when the subject's own words hold a mention
            core = [c for c in cands if not _aside(subj.doc[c.head], subj)]
            if subj.pos_ == "PROPN" and subj.i not in by_token:
                # "Voss, a senior party figure, said": a name the knowledge base lacks, not the
                # "party" of the description in apposition to it
                core = [c for c in core if not _aside(subj.doc[c.head], subj, ("appos",))]
                if not core:
                    run = [t for t in subj.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [subj]
                    span = subj.doc[run[0].i : subj.i + 1]
                    return _uncoded(span, base, "quote:subject-name")
            # not a country in a phrase that hangs from the subject ("voters in Georgia")
            cands = core or [c for c in cands if c.kind not in ("country", "capital")]
            if not cands:
                # "sources said", "she acknowledged": the subject phrase itself, uncoded
                toks = [t for t in subj.subtree if outside(t) and t.dep_ not in ("punct", "acl", "relcl")]
                if not toks or toks[-1].i - toks[0].i > 8:
                    return None
                span = subj.doc[toks[0].i : toks[-1].i + 1]
                return _uncoded(span, base, "quote:subject-phrase")
            # "el presidente Gustavo Petro", "Senator Marta Ilves": the named person (known or
            # tagged as a person by the parser), not the title
            return min(cands, key=lambda tm: (_speaker_rank(tm), abs(tm.head - subj.i))).mention
        if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i:
            verb = verb.head
            continue
        break
    return running


def _name_run(tok: Any) -> Any:
    """The proper nouns of one entity that end at `tok` ("Sheldon Adelson")."""
    start = tok.i
    while (
        start > tok.sent.start and tok.doc[start - 1].pos_ == "PROPN" and tok.doc[start - 1].ent_type_ == tok.ent_type_
    ):
        start -= 1
    return tok.doc[start : tok.i + 1]


def _speaker_rank(tm: TokMention) -> int:
    return TYPE_RANK.get("person" if tm.mention.type == "person" else tm.kind, 6)


def _name_before_cue(sent: Any, base: int, qe: int, cue: Any, by_token: dict[int, TokMention]) -> Mention | None:
    """The name that opens the words between a quote and its cue ('"…," Voss, a senior party
    figure, said'): the actor there, or the run of proper nouns itself."""
    toks = [t for t in sent if base + t.idx >= qe and t.i < cue.i and not t.is_punct]
    if not toks or toks[0].pos_ != "PROPN":
        return None
    if toks[0].i in by_token and by_token[toks[0].i].kind != "reciprocal":
        return by_token[toks[0].i].mention
    run = [toks[0]]
    for t in toks[1:]:
        if t.pos_ != "PROPN" or t.i != run[-1].i + 1:
            break
        run.append(t)
    span = sent.doc[run[0].i : run[-1].i + 1]
    return _uncoded(span, base, "quote:name-before-cue")


def _name_left_of_cue(sent: Any, base: int, cue: Any, by_token: dict[int, TokMention]) -> Mention | None:
    """The name just before a cue the parser left without a subject ("…, Speaker of the House
    Rep. Paul Ryan (R-WI) said “…”"): the actor or run of proper nouns that ends at most a
    parenthesis away from the cue."""
    i = cue.i - 1
    if i >= sent.start and sent.doc[i].text == ")":
        while i >= sent.start and sent.doc[i].text != "(":
            i -= 1
        i -= 1
    if i < sent.start:
        return None
    tok = sent.doc[i]
    if i in by_token and by_token[i].kind != "reciprocal" and by_token[i].can_act():
        return by_token[i].mention
    if tok.pos_ != "PROPN" or tok.ent_type_ not in ("PERSON", "ORG", "PER"):
        return None
    run = [tok]
    while run[0].i - 1 >= sent.start and sent.doc[run[0].i - 1].ent_type_ == tok.ent_type_ and len(run) < 4:
        run.insert(0, sent.doc[run[0].i - 1])
    return _uncoded(sent.doc[run[0].i : tok.i + 1], base, "quote:name-before-cue")


def _aside(tok: Any, top: Any, deps: tuple[str, ...] = ("prep", "relcl", "acl")) -> bool:
    """Does `tok` hang from `top` through a preposition or a clause ("an economist in
    Washington", "who met Putin"), or another of `deps`?"""
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ in deps:
            return True
        tok = tok.head
    return False


def attach_quote(
    text: str,
    qs: int,
    qe: int,
    sent: Any,
    base: int,
    mentions: list[TokMention],
    speech_verbs: frozenset[str],
    running: Mention | None,
) -> Quote:
    """Build a Quote for the span text[qs:qe] found inside the parsed sentence `sent`."""
    inside = lambda t: qs <= base + t.idx < qe  # noqa: E731
    by_token = {k: tm for tm in mentions for k in range(tm.i, tm.j)}
    signed = _DASH_NAME.match(text, qe + 1) if text[qe : qe + 1] in _CLOSING else None
    if signed:  # "…" ― Sonya Herridge: a quote signed with a dash
        ns, ne = signed.span("name")
        known = [tm.mention for tm in mentions if tm.mention.start < ne and ns < tm.mention.end and tm.can_act()]
        signer = known[0] if known else Mention(text[ns:ne], ns, ne, type="other", rule="quote:signed")
        ds = signed.start("dash")
        return Quote(text[qs:qe], qs, qe, True, Span(text[ds : ds + 1], ds, ds + 1), signer)
    cues = [t for t in sent if not inside(t) and t.pos_ in ("VERB", "AUX") and fold(t.lemma_) in speech_verbs]
    cue = None
    if cues:
        mid = (qs + qe) / 2
        cue = min(cues, key=lambda t: abs(base + t.idx - mid))
    speaker = None
    if cue is not None and base + cue.idx >= qe and not any(c.dep_.startswith("nsubj") for c in cue.children):
        # '"…," Flynn, a top Trump surrogate, said': the parser hung the name on the quote's last
        # noun; the speaker is the first actor between the quote and its cue
        speaker = _name_before_cue(sent, base, qe, cue, by_token)
    if (
        speaker is None
        and cue is not None
        and base + cue.idx < qs
        and not any(c.dep_.startswith("nsubj") for c in cue.children)
    ):
        speaker = _name_left_of_cue(sent, base, cue, by_token)
    if speaker is None and cue is not None:
        speaker = _speaker_of(cue, base, by_token, lambda t: not inside(t), running)
    if speaker is None:
        for t in sent:
            if fold(t.text) in ("segun", "according") and not inside(t):
                cands = [by_token[x.i] for x in t.head.subtree if x.i in by_token and not inside(x)]
                if cands:
                    speaker = min(cands, key=lambda tm: TYPE_RANK.get(tm.kind, 6)).mention
                    cue = cue if cue is not None else t  # "Según X, «…»": the preposition is the cue
                break
    cue_span = Span(cue.text, base + cue.idx, base + cue.idx + len(cue.text)) if cue is not None else None
    return Quote(text[qs:qe], qs, qe, True, cue_span, speaker, paragraph_parts(text, qs, qe))


CONTINUE_GAP_WORDS = 40  # "…," said Douglas Holtz-Eakin, an economist who served as … "…"


def continue_quote(text: str, prev: Quote, q: Quote) -> bool:
    """Join a direct quote to the one before it when the words between them are that quote's
    cue and speaker: «…», dijo Kim, «…» / "…," said Cole, an economist. "…". The earlier quote
    then runs to the end of the later one, and its `parts` are the quoted pieces."""
    if not (prev.direct and q.direct and prev.cue is not None) or prev.cue.start < prev.end:
        return False
    if q.cue is not None and q.cue.start != prev.cue.start:
        return False
    gap = text[prev.end : q.start]
    if "\n" in gap or not prev.cue.start < q.start or len(gap.split()) > CONTINUE_GAP_WORDS:
        return False
    if not text[prev.cue.end : q.start].strip(" \t:" + "".join(_OPENING)):
        return False  # '“Midday with Charlie Sykes,” while discussing …, Ryan said “…”': the cue opens the later quote
    parts = prev.parts or [Span(prev.text, prev.start, prev.end)]
    prev.parts = [*parts, Span(q.text, q.start, q.end)]
    prev.end = q.end
    prev.text = text[prev.start : q.end]
    return True


def colon_cue(
    sent: Any, base: int, mentions: list[TokMention], speech_verbs: frozenset[str], running: Mention | None
) -> tuple[Span, Mention] | None:
    """A sentence that announces a quote ("Kim said:", "El ministro declaró:"): its cue and
    speaker, for a quote that starts the next sentence or paragraph with none of its own."""
    if not sent.text.rstrip().endswith(":"):
        return None
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and fold(t.lemma_) in speech_verbs]
    if not verbs:
        return None
    verb = verbs[-1]
    by_token = {k: tm for tm in mentions for k in range(tm.i, tm.j)}
    speaker = _speaker_of(verb, base, by_token, lambda t: True, running)
    if speaker is None:
        return None
    return Span(verb.text, base + verb.idx, base + verb.idx + len(verb.text)), speaker


def indirect_quotes(
    text: str,
    sent: Any,
    base: int,
    mentions: list[TokMention],
    speech_verbs: frozenset[str],
    running: Mention | None,
    direct: list[tuple[int, int]],
) -> list[Quote]:
    """Reported speech: a cue verb with a "que"/"that" clause ("dijo que…", "said that…").

    The clause is the quote's content (events inside it are attributed to the speaker by
    offset). Clauses that hold a direct quote are left to the direct quote.
    """
    by_token = {k: tm for tm in mentions for k in range(tm.i, tm.j)}
    out = []
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or fold(verb.lemma_) not in speech_verbs:
            continue
        if verb.dep_ == "parataxis" and verb.head.i != verb.i:
            q = _parenthetical(text, verb, base, by_token, running, direct)
            if q is not None:
                out.append(q)
            continue
        for clause in verb.children:
            # a clause ("said the plan would fail"), or what is urged, pledged or called for
            # ("urged Congress to act", "called for an inquiry")
            if clause.dep_ not in ("ccomp", "xcomp") and not (
                clause.dep_ == "prep" and fold(clause.text) == "for" and fold(verb.lemma_) == "call"
            ):
                continue
            toks = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i)]
            toks = [t for t in toks if t.dep_ != "punct" or t.i not in (toks[0].i, toks[-1].i)]
            if len(toks) < 3:
                continue
            span = _with_fragments(text, base + toks[0].idx, base + toks[-1].idx + len(toks[-1].text), direct)
            if span is None:
                continue
            qs, qe = span
            clause_ids = {t.i for t in clause.subtree}
            speaker = _speaker_of(verb, base, by_token, lambda t, ids=clause_ids: t.i not in ids, running)
            cue = Span(verb.text, base + verb.idx, base + verb.idx + len(verb.text))
            out.append(Quote(text[qs:qe], qs, qe, False, cue, speaker))
    out.extend(_according_to(text, sent, base, by_token, direct, out))
    return out


_CLOSING = frozenset('»”"')


def absorb(quotes: list[Quote], found: list[Quote]) -> list[Quote]:
    """`quotes` with `found` added, less the direct quotes that lie inside one of `found` (a
    quoted fragment belongs to the reported clause or stance that holds it)."""
    if not found:
        return quotes
    kept = [q for q in quotes if not (q.direct and any(r.start <= q.start and q.end <= r.end for r in found))]
    return kept + found


PARTIAL_QUOTE = 0.6  # a direct quote under this share of its reported clause is a quoted fragment


def _with_fragments(text: str, qs: int, qe: int, direct: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The reported span text[qs:qe] widened to take whole the direct quotes that are fragments
    of it, marks included; None when the direct quotes are most of it (`_clause_wins`)."""
    if not _clause_wins(text, qs, qe, direct):
        return None
    for s, e in direct:
        if s < qe and qs < e:
            qs, qe = min(qs, s), max(qe, e + (text[e : e + 1] in _CLOSING))
    return qs, qe


def _clause_wins(text: str, qs: int, qe: int, direct: list[tuple[int, int]]) -> bool:
    """Is the reported clause text[qs:qe] a quote of its own? Not when it overlaps a direct
    quote that is most of it ("dijo: «…»"); yes when the direct quotes inside it are fragments
    of it ('says Trump "may not have paid a dime" in taxes'): the clause then replaces them."""
    inside = [_trim(text, s, e) for s, e in direct if s < qe and qs < e]
    if not inside:
        return True
    if any(s < qs or e > qe for s, e in inside):
        return False
    return sum(e - s for s, e in inside) < PARTIAL_QUOTE * (qe - qs)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """A span without the punctuation and spaces at its ends ("unhinged, even for him." ends
    at "him", where the parser ends the clause that holds it)."""
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    return s, e


def _parenthetical(
    text: str,
    verb: Any,
    base: int,
    by_token: dict[int, TokMention],
    running: Mention | None,
    direct: list[tuple[int, int]],
) -> Quote | None:
    """A cue inside or after what it reports: "Climate change, Mr. Obama says, is the greatest
    threat", "Trump has hurt the party, Graham said, since …". The content is the clause the cue
    hangs from, without the cue's own words; its pieces are the quote's `parts`."""
    cue_ids = {t.i for t in verb.subtree}
    words = [t for t in verb.head.subtree if t.i not in cue_ids]
    pieces: list[list[Any]] = []
    for t in words:
        if pieces and t.i == pieces[-1][-1].i + 1:
            pieces[-1].append(t)
        else:
            pieces.append([t])
    pieces = [[t for t in p if not t.is_punct or 0 < p.index(t) < len(p) - 1] for p in pieces]
    pieces = [p for p in pieces if p]
    if not pieces or sum(len(p) for p in pieces) < 4:
        return None
    spans = [(base + p[0].idx, base + p[-1].idx + len(p[-1].text)) for p in pieces]
    qs, qe = spans[0][0], spans[-1][1]
    if any(s < qe and qs < e for s, e in direct):
        return None
    speaker = _speaker_of(verb, base, by_token, lambda t: t.i in cue_ids, running)
    cue = Span(verb.text, base + verb.idx, base + verb.idx + len(verb.text))
    parts = [Span(text[s:e], s, e) for s, e in spans] if len(spans) > 1 else None
    return Quote(text[qs:qe], qs, qe, False, cue, speaker, parts)


# Line labels that are not speakers: "Foto: …", "UPDATE: …", "Lea también: …"
_NOT_SPEAKERS = frozenset(
    "foto fotos photo photos video update breaking actualizacion ultima hora nota note source fuente "
    "editor's note nota del editor lea tambien read more related watch leer mas ver mas "
    "exclusive exclusiva opinion analysis analisis editorial review live directo vivo podcast "
    "entrevista interview explainer factcheck fact check latest correction correccion".split(" ")
)
HEADLINE_WORDS = 25  # a paragraph this short after "Name:" may be a headline


def labelled_turn(text: str, sent: Any, base: int, mentions: list[TokMention], direct: list[Quote]) -> Quote | None:
    """A paragraph that opens with its speaker's name and a colon: transcripts ("PENCE: Well,
    look, …") and headlines ("Pat Caddell: Democrat voters worried …"). The name must be a
    known person or organisation, a name the parser tags as one, or a name in capitals; the
    content is the rest of the paragraph."""
    doc = sent.doc
    if sent.start != 0:
        return None
    lead = 0  # '"PENCE: Well, look, …': a transcript turn that opens with a stray quotation mark
    while lead < min(len(doc), 2) and doc[lead].text in _OPENING:
        lead += 1
    colon = next((t for t in doc[lead : lead + 7] if t.text == ":"), None)
    if colon is None or colon.i == lead or colon.i + 4 > len(doc):
        return None
    name = doc[lead : colon.i]
    if not all(t.is_alpha or t.text in (".", "-", "'", "’") for t in name) or not name[0].text[:1].isupper():
        return None
    if fold(name.text) in _NOT_SPEAKERS or any(fold(t.text) in _NOT_SPEAKERS for t in name):
        return None
    by_token = {k: tm for tm in mentions for k in range(tm.i, tm.j)}
    known = [by_token[t.i] for t in name if t.i in by_token]
    if any(tm.kind in ("country", "capital") or tm.locative for tm in known):
        return None  # "WASHINGTON: …", "Rusia: …" are places, not speakers
    people = [tm for tm in known if tm.kind in ("person", "organization", "group", "agent", "media")]
    tagged = all(t.ent_type_ in ("PERSON", "ORG", "PER") for t in name if t.is_alpha)
    shouted = all(t.is_upper and len(t.text) >= 3 for t in name if t.is_alpha) and len(name) <= 3
    words = [t for t in doc[colon.i + 1 :] if not t.is_space]
    if len(words) < 4:
        return None
    # "Lynch: No outside influence on FBI probe": a headline labelled with a name
    headline = (
        len(words) <= HEADLINE_WORDS
        and all(t.text[:1].isupper() for t in name)
        and (len(name) <= 2 or all(t.pos_ == "PROPN" for t in name))
    )
    if not (people or tagged or shouted or headline):
        return None
    qs = base + words[0].idx
    qe = base + len(doc.text.rstrip())
    inside = [q for q in direct if q.start < qe and qs < q.end]
    if people:
        speaker = min(people, key=lambda tm: TYPE_RANK.get(tm.kind, 6)).mention
    else:
        speaker = _uncoded(name, base, "quote:label")
    if inside:  # "Warren: «You should be investigated»": the quote's speaker is the label
        for q in inside:
            if q.speaker is None:
                q.speaker = speaker
        return None
    cue = Span(colon.text, base + colon.idx, base + colon.idx + 1)
    return Quote(text[qs:qe], qs, qe, True, cue, speaker)


def _according_to(
    text: str, sent: Any, base: int, by_token: dict[int, TokMention], direct: list[tuple[int, int]], found: list[Quote]
) -> list[Quote]:
    """ "According to X, …" / "Según X, …": the rest of the sentence is what X says."""
    for t in sent:
        low = fold(t.text)
        if low != "segun" and not (low == "according" and t.i + 1 < len(t.doc) and fold(t.doc[t.i + 1].text) == "to"):
            continue
        if low == "segun":
            head = t.head if t.head.i > t.i else None
        else:
            to = t.doc[t.i + 1]
            head = next((c for c in [*to.children, *t.children] if c.dep_ == "pobj"), None)
        if head is None:
            continue
        words = [x for x in head.subtree if not x.is_punct and x.i > t.i]
        if not words:
            continue
        lo, hi = t.i, max(x.i for x in words)
        phrase_span = t.doc[words[0].i : hi + 1]
        rest = [x for x in sent if (x.i < lo or x.i > hi) and not x.is_punct]
        if len(rest) < 3:
            continue
        toks = [x for x in sent if x.i > hi and not (x.is_punct and x.i in (hi + 1, sent.end - 1))]
        if lo > sent.start + 2:  # "…, according to X."
            toks = [x for x in sent if x.i < lo and not (x.is_punct and x.i == lo - 1)]
        if not toks:
            continue
        qs, qe = base + toks[0].idx, base + toks[-1].idx + len(toks[-1].text)
        if any(s < qe and qs < e for s, e in direct) or any(q.start < qe and qs < q.end for q in found):
            continue
        cands = [by_token[x.i] for x in t.doc[lo : hi + 1] if x.i in by_token]
        speaker = (
            min(cands, key=lambda tm: TYPE_RANK.get(tm.kind, 6)).mention
            if cands
            else _uncoded(phrase_span, base, "quote:according-to")
        )
        cue_end = t.doc[t.i + 1] if low == "according" else t
        cue = Span(
            text[base + t.idx : base + cue_end.idx + len(cue_end.text)],
            base + t.idx,
            base + cue_end.idx + len(cue_end.text),
        )
        return [Quote(text[qs:qe], qs, qe, False, cue, speaker)]
    return []


# What a stance verb's attribution is about, by the dependency that carries it, first found wins:
# a clause, an infinitive, an object, then a prepositional object ("talked about X").
_STANCE_POS = {
    "VERB": ("ccomp", "xcomp", "dobj", "prep"),
    "ADJ": ("ccomp", "xcomp", "prep"),  # "confident that …", "eager to …", "critical of …"
}
_STANCE_STOP = frozenset({"punct", "cc", "conj", "parataxis", "advcl", "mark", "dep"})


def stance_candidates(sent: Any) -> list[tuple[Any, str, list[Any]]]:
    """Each verb (or predicative adjective) of the sentence with what it could attribute:
    (verb, kind, content tokens).

    `kind` names the complement ("ccomp", "xcomp", "dobj", "prep:about"); the content is that
    complement's words ("criticized [the plan]", "wants [to win]", "called [him a liar]",
    "spoke [about the economy]"), an object with the rest of its verb phrase. Which (lemma, kind,
    subject class) triples are attributions is learned from PolNeAR (`lang/en/stance.tsv`).
    """
    out = []
    for verb in sent:
        if verb.pos_ not in _STANCE_POS:
            continue
        kids = [c for c in verb.children if c.i > verb.i]
        for dep in _STANCE_POS[verb.pos_]:
            main = next((c for c in kids if c.dep_ == dep), None)
            if main is None:
                continue
            if dep == "prep":
                obj = next((c for c in main.children if c.dep_ in ("pobj", "pcomp")), None)
                if obj is None:
                    continue
                kind, toks = f"prep:{fold(main.text)}", list(obj.subtree)
            else:
                kind, toks = dep, [t for t in main.subtree if not (t.dep_ == "mark" and t.head.i == main.i)]
            if verb.pos_ != "VERB":  # "confident [that he wins]", "critical [of the deal]"
                kind = f"{verb.pos_.lower()}-{kind}"
            if dep in ("dobj", "prep"):
                # the rest of the verb phrase: "called [him a liar]", "decried [the GOP for turning
                # its back]", "expressed [support for …]"; not a conjoined verb or a side clause
                for c in kids:
                    if c.i > main.i and c.dep_ not in _STANCE_STOP:
                        toks.extend(c.subtree)
            toks = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
            while toks and toks[-1].is_punct:
                toks.pop()
            while toks and toks[0].is_punct:
                toks.pop(0)
            if toks:
                out.append((verb, kind, toks))
            break
    return out


_PERSONAL = frozenset({"he", "she", "they", "i", "we", "you", "who", "him", "her", "them"})
_AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def subject_class(verb: Any) -> str:
    """Who holds the stance: "agent" (a person, party, organisation, country or personal
    pronoun), "thing" ("the poll shows"), or "none" (no subject found), climbing out of
    infinitives, gerunds and conjuncts as `_speaker_of` does, and from a relative clause to the
    noun it describes."""
    v = verb
    for _ in range(3):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")), None)
        if subj is None and v.dep_ == "relcl" and v.head.i != v.i:
            subj = v.head
        if subj is not None:
            if fold(subj.text) in _PERSONAL or subj.ent_type_ in _AGENT_ENTS or subj.pos_ == "PROPN":
                return "agent"
            return "thing"
        if v.dep_ not in ("advcl", "xcomp", "conj", "acomp") or v.head.i == v.i:
            break
        v = v.head
    return "none"


STANCE_MIN = 0.25  # a (lemma, complement, subject) whose PolNeAR share of attributions is below this is no cue


def stance_quotes(
    text: str,
    sent: Any,
    base: int,
    mentions: list[TokMention],
    stance: dict[tuple[str, str, str], float],
    running: Mention | None,
    taken: list[Quote],
) -> list[Quote]:
    """Attributions that are not speech: a verb whose (lemma, complement, subject) PolNeAR
    annotators mark as an attribution at least `STANCE_MIN` of the time ("Clinton criticized
    [the plan]", "Sanders declined [to comment]", "the poll found [that …]"). Verbs whose
    complement is already a quote are left to it. The quote is `direct=False`; its `kind` is
    "reported" for a clause (what it says is the holder's claim), else "stance"."""
    if not stance:
        return []
    by_token = {k: tm for tm in mentions for k in range(tm.i, tm.j)}
    out: list[Quote] = []
    for verb, kind, toks in stance_candidates(sent):
        key = (fold(verb.lemma_), kind, subject_class(verb))
        if stance.get(key, 0.0) < STANCE_MIN:
            continue
        qs, qe = base + toks[0].idx, base + toks[-1].idx + len(toks[-1].text)
        cue_at = base + verb.idx
        if any(q.cue is not None and q.cue.start == cue_at for q in taken + out):
            continue
        others = [q for q in taken + out if q.start < qe and qs < q.end]
        # 'called the deal "a historic step"': the quoted fragment belongs to the stance
        span = _with_fragments(text, qs, qe, [s for q in others for s in q.content_spans()])
        if any(not q.direct for q in others) or span is None:
            continue
        qs, qe = span
        ids = {t.i for t in toks}
        holder = verb.head if verb.pos_ == "ADJ" and verb.dep_ == "acomp" else verb  # "[she] is confident"
        speaker = _speaker_of(holder, base, by_token, lambda t, ids=ids: t.i not in ids, running)
        if speaker is None:
            continue  # a stance no one holds is no attribution
        cue = Span(verb.text, cue_at, cue_at + len(verb.text))
        # a clause held by a learned cue ("alleged that …", "hopes that …") is reported speech or
        # thought, and what happens in it is the holder's claim; an object is a stance
        clause = kind.endswith("ccomp")
        out.append(Quote(text[qs:qe], qs, qe, False, cue, speaker, kind="reported" if clause else "stance"))
    return out
