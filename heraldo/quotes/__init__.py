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

_QUOTE = re.compile(r"«(?P<a>[^«»]+)»|“(?P<b>[^“”]+)”|\"(?P<c>[^\"\n]+)\"")
MIN_WORDS = 4  # «cordiales saludos» is a quoted phrase, not a statement


def find_quotes(text: str, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the content of each direct quote inside the article's segments."""
    out = []
    for s, e in segments:
        for m in _QUOTE.finditer(text, s, e):
            g = next(k for k in ("a", "b", "c") if m.group(k) is not None)
            qs, qe = m.start(g), m.end(g)
            if len(text[qs:qe].split()) >= MIN_WORDS:
                out.append((qs, qe))
    return out


def _speaker_of(
    verb: Any, base: int, by_token: dict[int, TokMention], outside: Any, running: Mention | None
) -> Mention | None:
    """The subject of a cue verb (climbing out of gerunds and infinitives), or the running
    subject when Spanish drops it."""
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")), None)
        if subj is not None:
            cands = [by_token[t.i] for t in subj.subtree if t.i in by_token and outside(t)]
            cands = [c for c in cands if c.kind != "reciprocal"]
            if not cands:
                # "sources said", "she acknowledged": the subject phrase itself, uncoded
                toks = [t for t in subj.subtree if outside(t) and t.dep_ not in ("punct", "acl", "relcl")]
                if not toks or toks[-1].i - toks[0].i > 8:
                    return None
                span = subj.doc[toks[0].i : toks[-1].i + 1]
                return Mention(
                    span.text, base + span.start_char, base + span.end_char, type="other", rule="quote:subject-phrase"
                )
            # "el presidente Gustavo Petro": the named person, not the title
            return min(cands, key=lambda tm: (TYPE_RANK.get(tm.kind, 6), abs(tm.head - subj.i))).mention
        if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i:
            verb = verb.head
            continue
        break
    return running


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
    cues = [t for t in sent if not inside(t) and t.pos_ in ("VERB", "AUX") and fold(t.lemma_) in speech_verbs]
    cue = None
    if cues:
        mid = (qs + qe) / 2
        cue = min(cues, key=lambda t: abs(base + t.idx - mid))
    speaker = _speaker_of(cue, base, by_token, lambda t: not inside(t), running) if cue is not None else None
    if speaker is None:
        for t in sent:
            if fold(t.text) in ("segun", "according") and not inside(t):
                cands = [by_token[x.i] for x in t.head.subtree if x.i in by_token and not inside(x)]
                if cands:
                    speaker = min(cands, key=lambda tm: TYPE_RANK.get(tm.kind, 6)).mention
                    cue = cue if cue is not None else t  # "Según X, «…»": the preposition is the cue
                break
    cue_span = Span(cue.text, base + cue.idx, base + cue.idx + len(cue.text)) if cue is not None else None
    return Quote(text[qs:qe], qs, qe, True, cue_span, speaker)


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
            qs, qe = base + toks[0].idx, base + toks[-1].idx + len(toks[-1].text)
            if any(s < qe and qs < e for s, e in direct):
                continue
            clause_ids = {t.i for t in clause.subtree}
            speaker = _speaker_of(verb, base, by_token, lambda t, ids=clause_ids: t.i not in ids, running)
            cue = Span(verb.text, base + verb.idx, base + verb.idx + len(verb.text))
            out.append(Quote(text[qs:qe], qs, qe, False, cue, speaker))
    out.extend(_according_to(text, sent, base, by_token, direct, out))
    return out


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
            else Mention(
                phrase_span.text,
                base + phrase_span.start_char,
                base + phrase_span.end_char,
                type="other",
                rule="quote:according-to",
            )
        )
        cue_end = t.doc[t.i + 1] if low == "according" else t
        cue = Span(
            text[base + t.idx : base + cue_end.idx + len(cue_end.text)],
            base + t.idx,
            base + cue_end.idx + len(cue_end.text),
        )
        return [Quote(text[qs:qe], qs, qe, False, cue, speaker)]
    return []
