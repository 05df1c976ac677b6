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
    doc = sent.doc
    inside = lambda t: qs <= base + t.idx < qe  # noqa: E731
    by_token = {k: tm for tm in mentions for k in range(tm.i, tm.j)}
    cues = [t for t in sent if not inside(t) and t.pos_ in ("VERB", "AUX") and fold(t.lemma_) in speech_verbs]
    cue = None
    if cues:
        mid = (qs + qe) / 2
        cue = min(cues, key=lambda t: abs(base + t.idx - mid))
    speaker: Mention | None = None
    if cue is not None:
        verb = cue
        for _ in range(3):
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")), None)
            if subj is not None:
                cands = [by_token[t.i] for t in subj.subtree if t.i in by_token and not inside(t)]
                cands = [c for c in cands if c.kind not in ("reciprocal",)]
                if cands:
                    # "el presidente Gustavo Petro": the named person, not the title
                    best = min(cands, key=lambda tm: (TYPE_RANK.get(tm.kind, 6), abs(tm.head - subj.i)))
                    speaker = best.mention
                break
            if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i:
                verb = verb.head
                continue
            break
        if speaker is None and not any(c.dep_.startswith("nsubj") for c in verb.children):
            speaker = running
    if speaker is None:
        for t in sent:
            if fold(t.text) in ("segun", "according") and not inside(t):
                cands = [by_token[x.i] for x in t.head.subtree if x.i in by_token and not inside(x)]
                if cands:
                    speaker = min(cands, key=lambda tm: TYPE_RANK.get(tm.kind, 6)).mention
                    cue = cue if cue is not None else t  # "Según X, «…»": the preposition is the cue
                break
    cue_span = Span(cue.text, base + cue.idx, base + cue.idx + len(cue.text)) if cue is not None else None
    del doc
    return Quote(text[qs:qe], qs, qe, True, cue_span, speaker)
