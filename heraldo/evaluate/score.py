"""Scores per sentence with one-to-one matching, at three levels (ROOT, SOURCE, FULL)."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from heraldo.evaluate.gold import GoldEvent
from heraldo.kb import to_iso

LEVELS = ("ROOT", "SOURCE", "FULL")


@dataclass
class Predicted:
    code: str
    source: str | None
    target: str | None
    plover: str | None
    confidence: float = 0.0
    rule: str = ""

    @property
    def root(self) -> str:
        return self.code[:2]


def actor_match(gold: str, pred: str | None) -> bool:
    """An actor matches on its first three letters (country or IGO code); a gold code with no
    country (`~REB`, `---REB`) matches on the role; `""` (not coded) matches anything; `X` means
    no actor; `COL, VEN` lists alternatives; a bare `---` is not coded either."""
    gold = gold.strip()
    if gold.strip("~-, ") == "":
        return True  # "" or a bare "---": not coded
    if gold.upper() == "X":
        return pred is None
    if pred is None:
        return False
    for alt in (g.strip() for g in gold.split(",")):
        if not alt:
            continue
        if alt.startswith("~") or alt.startswith("---"):
            role = alt.lstrip("~-")[:3]
            if role and len(pred) >= 6 and role in [pred[i : i + 3] for i in range(3, len(pred), 3)]:
                return True
            continue
        if (to_iso(alt) or "")[:3] == pred[:3]:  # gold KSV (CAMEO) is heraldo's XKX (ISO)
            return True
    return False


def compatible(level: str) -> Callable[[GoldEvent, Predicted], bool]:
    def ok(g: GoldEvent, p: Predicted) -> bool:
        if g.code and g.root != p.root:
            return False
        if not g.code and g.plover and g.plover != p.plover:
            return False
        if level in ("SOURCE", "FULL") and not actor_match(g.source, p.source):
            return False
        if level == "FULL" and not actor_match(g.target, p.target):
            return False
        return True

    return ok


def match(
    gold: list[GoldEvent], pred: list[Predicted], ok: Callable[[GoldEvent, Predicted], bool]
) -> list[tuple[int, int]]:
    """Maximum one-to-one matching (augmenting paths; sentences hold a handful of events)."""
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for pi, p in enumerate(pred):
            if pi in seen or not ok(gold[gi], p):
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in range(len(gold)):
        augment(gi, set())
    return sorted((gi, pi) for pi, gi in owner.items())


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    matched: Counter[str] = field(default_factory=Counter)
    sentences_with_gold: int = 0
    uncoded: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    plover_total: int = 0
    plover_right: int = 0
    # (confidence, matched at ROOT) of every predicted event, for `confidence_auc`
    scored: list[tuple[float, bool]] = field(default_factory=list)

    def add(self, gold: list[GoldEvent], pred: list[Predicted]) -> dict[str, list[tuple[int, int]]]:
        self.gold += len(gold)
        self.pred += len(pred)
        if gold:
            self.sentences_with_gold += 1
            if not pred:
                self.uncoded += 1
        pairs = {lvl: match(gold, pred, compatible(lvl)) for lvl in LEVELS}
        for lvl in LEVELS:
            self.matched[lvl] += len(pairs[lvl])
        root_pairs = pairs["ROOT"]
        mg = {g for g, _ in root_pairs}
        mp = {p for _, p in root_pairs}
        self.scored.extend((p.confidence, i in mp) for i, p in enumerate(pred))
        for g, p in root_pairs:
            self.confusion[(gold[g].root or gold[g].plover or "?", pred[p].root)] += 1
        left_g = [gold[i].root or gold[i].plover or "?" for i in range(len(gold)) if i not in mg]
        left_p = [pred[i].root for i in range(len(pred)) if i not in mp]
        for k in range(max(len(left_g), len(left_p))):
            self.confusion[(left_g[k] if k < len(left_g) else "none", left_p[k] if k < len(left_p) else "none")] += 1
        if len(gold) == 1 and gold[0].plover:
            self.plover_total += 1
            top = max(pred, key=lambda p: p.confidence) if pred else None
            self.plover_right += bool(top and top.plover == gold[0].plover)
        return pairs

    def confidence_auc(self) -> float | None:
        """How well `confidence` ranks right events (ROOT matched) above wrong ones: the
        probability that a random right event has the higher confidence (ties count half);
        0.5 is no better than chance. None without both kinds."""
        right = sorted(c for c, ok in self.scored if ok)
        wrong = sorted(c for c, ok in self.scored if not ok)
        if not right or not wrong:
            return None
        wins = 0.0
        for c in right:
            below = bisect.bisect_left(wrong, c)
            ties = bisect.bisect_right(wrong, c) - below
            wins += below + ties / 2
        return wins / (len(right) * len(wrong))

    def prf(self, level: str) -> tuple[float, float, float]:
        return prf(self.matched[level], self.pred, self.gold)


def prf(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
