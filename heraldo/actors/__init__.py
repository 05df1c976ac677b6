"""Actor mentions: find them in a parsed sentence and resolve them against the knowledge base.

Four sources, in order of trust: knowledge-base names (longest match, case rules for acronyms
and proper names), role nouns with a country ("el ministro de Exteriores ruso" -> RUSGOV),
demonyms used as nouns ("los rusos"), and spaCy's PER/ORG entities that the knowledge base does
not know (kept, uncoded). Within an article, surnames and role nouns ("Lavrov", "el dirigente
norcoreano") are linked to people already named, and "ambos países" to the last two actors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from heraldo import kb
from heraldo.lang import LanguageData, grammar
from heraldo.model import Mention
from heraldo.textutil import fold, mostly_upper

_PLAIN = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)*$")
_G = grammar()  # function-word lists from lang/<code>/grammar.yaml

LOCATIVE: frozenset[str] = _G["locative"]
# Leader nouns that may refer back to a person already named, with the role title they need
# ("" = any office): "el ministro ruso" is Lavrov, not Putin.
COREF_NOUNS: dict[str, str] = _G["coref_nouns"]
RECIPROCAL_HEADS: frozenset[str] = _G["reciprocal_heads"]
RECIPROCAL_MODS: frozenset[str] = _G["reciprocal_mods"]
# Role nouns whose sector a modifying role word gives: "opposition leaders" OPP, "rebel commanders"
# REB, "dirigentes opositores" OPP, "líderes campesinos" AGR (alone, "leader" is GOV)
ROLE_HEADS: frozenset[str] = _G.get("role_heads", frozenset())
# Nouns of a body of people whose sector its members give: "la entidad sindical" LAB, "las
# organizaciones campesinas" AGR, "la Federación de Estudiantes" EDU, "peasant groups" AGR.
COLLECTIVE_HEADS: frozenset[str] = _G.get("collective_heads", frozenset())
# Words that give a sector only to a collective or role noun they modify ("sindical", "peasant").
ROLE_MODIFIERS: dict[str, str] = _G.get("role_modifiers", {})
TYPE_RANK = {"person": 0, "agent": 1, "group": 2, "organization": 2, "capital": 3, "country": 4, "media": 5}


# Arabic articles joined to a name by a hyphen, written capitalised or not ("Al-Qaeda", "al-Qaeda").
_ARTICLE_PREFIXES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})


@dataclass
class TokMention:
    """A mention with its tokens in the spaCy Doc (needed for role assignment)."""

    mention: Mention
    i: int  # first token (doc index)
    j: int  # end token, exclusive
    head: int  # syntactic head token (doc index)
    kind: str  # person|country|capital|organization|group|media|agent|demonym|ner|reciprocal
    locative: bool = False
    pair: tuple[Mention, Mention] | None = None  # for "ambos países"
    place_part: bool = False  # part of a longer place name: "Jersey" in "New Jersey" (set by places)

    def can_act(self) -> bool:
        """Can this mention be an event's source or target? Not a place ("en Moscú"), not a
        byline agency, not a piece of a longer place name, and coded (or standing for a coded
        pair)."""
        return (
            not self.locative and not self.place_part and self.kind != "media" and bool(self.mention.code or self.pair)
        )


@dataclass
class ArticleContext:
    """What the actor stage remembers across the sentences of one article."""

    date: date | None
    seen: set[str] = field(default_factory=set)  # kb_ids named in full
    persons: list[Mention] = field(default_factory=list)
    recent: list[Mention] = field(default_factory=list)  # coded, non-locative, in order
    last_subject: Mention | None = None
    titles: dict[str, str] = field(default_factory=dict)  # kb_id -> role title on the article date


class ActorFinder:
    def __init__(self, nlp: Any, langdata: LanguageData):
        self.lang = langdata
        self.index: dict[tuple[str, ...], list[kb.Name]] = {}
        # first folded token -> the name lengths that start with it, longest first
        self.lengths: dict[str, list[int]] = {}
        for name in kb.load():
            # Words of letters only tokenize as themselves; skipping spaCy for them keeps the
            # start-up short with tens of thousands of imported names.
            plain = _PLAIN.match(name.text)
            toks = tuple(name.text.split()) if plain else tuple(t.text for t in nlp.tokenizer(name.text))
            key = tuple(fold(t) for t in toks)
            self.index.setdefault(key, []).append(name)
            self.lengths.setdefault(key[0], []).append(len(key))
        self.lengths = {k: sorted(set(v), reverse=True) for k, v in self.lengths.items()}
        self.agent_maxlen = max(len(k.split()) for k in langdata.agents)
        self.agent_first = {k.split()[0] for k in langdata.agents}

    # -- knowledge-base names -------------------------------------------------------------
    def _name_ok(self, name: kb.Name, toks: Any, caps_sentence: bool, ctx: ArticleContext) -> bool:
        text_toks = [t.text for t in toks]
        if name.case_sensitive:
            return "".join(name.text.split()) == "".join(text_toks)
        kb_toks = [w for w in re.split(r"[\s\-]+", name.text) if w]  # "Ban Ki-moon": Ban, Ki, moon
        if name.short and name.entry.kb_id not in ctx.seen:
            # Surnames the press uses alone ("Putin", "Zelenski") resolve before any full name,
            # while that person holds an office; others wait for the full name.
            if not (name.alone and any(r.active(ctx.date) for r in name.entry.roles)):
                return False
        if caps_sentence:
            return True
        # Every capitalised word of the name must be capitalised in the text: "la paz" is not
        # La Paz, "china" is not China.
        for t in toks:
            if not t.text[:1].isalpha():
                continue  # the apostrophe of "Kurdistan Workers' Party" has no case
            kbt = [w for w in kb_toks if fold(w) == fold(t.text)] or [w for w in kb_toks if fold(t.text) in fold(w)]
            if kbt and kbt[0][:1].isupper() and not t.text[:1].isupper():
                if fold(kbt[0]) in _ARTICLE_PREFIXES and f"{kbt[0]}-" in name.text:
                    continue  # the Arabic article the press writes in either case: "al-Qaeda", "al-Shabaab"
                return False
        return True

    def _names(self, sent: Any, ctx: ArticleContext, caps: bool) -> list[tuple[int, int, kb.Name]]:
        found = []
        folded = [fold(t.text) for t in sent]
        i = sent.start
        while i < sent.end:
            hit = None
            for n in self.lengths.get(folded[i - sent.start], ()):
                if i + n > sent.end:
                    continue
                key = tuple(folded[i - sent.start : i - sent.start + n])
                cands = self.index.get(key)
                if not cands:
                    continue
                ok = [c for c in cands if self._name_ok(c, sent.doc[i : i + n], caps, ctx)]
                if ok:
                    ok.sort(key=lambda c: (not (c.short and c.entry.kb_id in ctx.seen), TYPE_RANK.get(c.entry.type, 9)))
                    hit = (i, i + n, ok[0])
                    break
            if hit:
                found.append(hit)
                i = hit[1]
            else:
                i += 1
        return found

    # -- main entry -------------------------------------------------------------------------
    def find(self, sent: Any, base: int, ctx: ArticleContext, caps: bool | None = None) -> list[TokMention]:
        """Mentions in one sentence. `caps` says the original text is in capitals (a headline),
        so names match regardless of case; by default it is read off the sentence."""
        doc = sent.doc
        if caps is None:
            caps = mostly_upper(sent.text)
        out: list[TokMention] = []
        taken: set[int] = set()

        def head_of(i: int, j: int) -> int:
            for k in range(i, j):
                if not (i <= doc[k].head.i < j) or doc[k].head.i == k:
                    return k
            return i

        for i, j, name in self._names(sent, ctx, caps):
            e = name.entry
            code, country, sector = e.code_on(ctx.date)
            m = Mention(
                text=doc[i:j].text,
                start=base + doc[i].idx,
                end=base + doc[j - 1].idx + len(doc[j - 1].text),
                name=e.name,
                kb_id=e.kb_id,
                type=_contract_type(e.type),
                code=code,
                country=country,
                sector=sector,
                rule=f"kb:{'short' if name.short else 'name'}",
            )
            h = head_of(i, j)
            out.append(TokMention(m, i, j, h, e.type, locative=_is_locative(doc[h])))
            taken.update(range(i, j))
            if e.type == "person":
                if not name.short:
                    ctx.seen.add(e.kb_id)
                ctx.titles[e.kb_id] = e.title_on(ctx.date)

        agents = self._agents(sent, base, taken, out)
        _titled(doc, out, agents)
        out.extend(agents)
        out.extend(self._demonyms(sent, base, taken))
        out.extend(self._reciprocals(sent, base, taken, ctx))
        out.extend(self._entities(sent, base, taken))
        out.sort(key=lambda t: t.i)
        self._corefer(out, ctx)
        for tm in out:
            if tm.mention.code and not tm.locative and tm.kind not in ("media", "reciprocal"):
                ctx.recent.append(tm.mention)
        return out

    def _agents(self, sent: Any, base: int, taken: set[int], names: list[TokMention]) -> list[TokMention]:
        doc = sent.doc
        out = self._collectives(sent, base, taken, names)
        i = sent.start
        while i < sent.end:
            first = (fold(doc[i].lemma_), fold(doc[i].text), *_singulars(doc[i]))
            if i in taken or doc[i].pos_ not in ("NOUN", "PROPN", "ADJ") or not (set(first) & self.agent_first):
                i += 1
                continue
            hit = None
            for n in range(min(self.agent_maxlen, sent.end - i), 0, -1):
                span = doc[i : i + n]
                if any(k in taken for k in range(i, i + n)):
                    continue
                keys = (
                    " ".join(fold(t.lemma_) for t in span),
                    " ".join(fold(t.text) for t in span),
                    # a plural the tagger took for a name ("Manifestantes exigen…" opening a headline)
                    *(" ".join([*(fold(t.text) for t in span[:-1]), w]) for w in _singulars(span[-1])),
                )
                sector = next((self.lang.agents[k] for k in keys if k in self.lang.agents), None)
                # a role noun, or an adjective used as one ("cuatro civiles resultaron muertos")
                nominal = span[-1].pos_ in ("NOUN", "PROPN") or span[-1].dep_ in ("nsubj", "obj", "nsubj:pass")
                if sector and (nominal or n > 1):
                    hit = (i, i + n, sector)
                    break
            if not hit:
                i += 1
                continue
            a, b, sector = hit
            a, b, sector = self._role_head(doc, a, b, sector, sent.end, taken)
            head = max(range(a, b), key=lambda k: not (a <= doc[k].head.i < b) or doc[k].head.i == k)
            country, lo, hi = self._agent_country(doc, a, b, names)
            code = (country or "---") + sector
            org = None if country else self._agent_org(doc, a, b, names)
            if org is not None:
                # "la portavoz de la ONU", "el portavoz de Hamás": the role speaks for the organisation
                code, country, sector = org.mention.code or code, org.mention.country, org.mention.sector or sector
                lo, hi = min(lo, org.i), max(hi, org.j)
            m = _agent_mention(doc, base, lo, hi, code, country, sector, "agent")
            out.append(TokMention(m, lo, hi, head, "agent", locative=_is_locative(doc[head])))
            taken.update(range(lo, hi))
            i = b
        return out

    def _member_sector(self, tok: Any) -> str | None:
        """The sector a role word gives, read from its lemma, its text or, for a capitalised
        plural in an organisation's name ("Federación de Estudiantes"), its singular."""
        forms = _plain_forms(tok)
        return next(
            (
                self.lang.agents.get(w) or ROLE_MODIFIERS[w]
                for w in forms
                if w in self.lang.agents or w in ROLE_MODIFIERS
            ),
            None,
        )

    def _collectives(self, sent: Any, base: int, taken: set[int], names: list[TokMention]) -> list[TokMention]:
        """Bodies of people named by what their members are: a collective noun with a role
        adjective ("la entidad sindical", "organizaciones campesinas", "student groups") or a
        plural role noun after "de"/"of" ("la Confederación General de Trabajadores", "the
        Association of Farmers")."""
        doc = sent.doc
        out = []
        for t in sent:
            if t.i in taken or t.pos_ not in ("NOUN", "PROPN") or not set(_plain_forms(t)) & COLLECTIVE_HEADS:
                continue
            # "de" members first: "Confederación General de Trabajadores" is LAB, not the general's
            members = [m for c in t.children if (m := _of_member(c)) is not None]
            members += [
                c for c in t.children if c.dep_ in ("amod", "compound") or c.dep_.startswith("flat") and c.pos_ == "ADJ"
            ]
            found = next(((c, sec) for c in members if c.i not in taken and (sec := self._member_sector(c))), None)
            if found is None:
                continue
            member, sector = found
            # the country of the members ("the movement of Palestinian workers"), else the body's
            country, lo, hi = self._agent_country(doc, member.i, member.i + 1, names)
            if country is None:
                country, lo, hi = self._agent_country(doc, t.i, t.i + 1, names)
            lo, hi = min(lo, t.i, member.i), max(hi, t.i + 1, member.i + 1)
            if any(k in taken for k in range(lo, hi)):
                continue
            m = _agent_mention(doc, base, lo, hi, (country or "---") + sector, country, sector, "agent:collective")
            out.append(TokMention(m, lo, hi, t.i, "agent", locative=_is_locative(t)))
            taken.update(range(lo, hi))
        return out

    def _role_head(self, doc: Any, a: int, b: int, sector: str, end: int, taken: set[int]) -> tuple[int, int, str]:
        """Widen a role word to the role noun it modifies, keeping its sector ("opposition
        leaders"), or give a role noun the sector of the role adjective after it ("dirigentes
        opositores")."""
        if b < end and b not in taken:
            nxt = doc[b]
            if fold(nxt.lemma_) in ROLE_HEADS and doc[b - 1].head.i == b and doc[b - 1].dep_ in ("compound", "amod"):
                return a, b + 1, sector  # "opposition leaders", "rebel commanders"
            if (
                b - a == 1
                and fold(doc[a].lemma_) in ROLE_HEADS
                and nxt.dep_ == "amod"
                and nxt.head.i == a
                and (own := self._member_sector(nxt))
            ):
                return a, b + 1, own  # "dirigentes opositores", "líderes campesinos"
        return a, b, sector

    def _agent_country(self, doc: Any, a: int, b: int, names: list[TokMention]) -> tuple[str | None, int, int]:
        """Country of a role noun from an adjective or a 'de <country>' complement."""
        lo, hi = a, b
        # English puts the demonym right before the noun, sometimes in two words: "North Korean"
        for n in (2, 1):
            if a - n >= 0 and all(doc[x].head.i in range(a - n, b) for x in range(a - n, a)):
                c = self.lang.demonym(doc[a - n : a].text)
                if c:
                    k = a - n - 1
                    if (
                        n == 1
                        and k >= 0
                        and doc[k].head.i in range(k + 1, b)
                        and (first := self.lang.demonym(doc[k].text))
                    ):
                        return first, k, hi  # "Bosnian Serb forces": the people of the first country
                    return c, a - n, hi
        for k in range(a, b):
            for child, dep in _complements(doc[k]):
                if child.i in range(a, b):
                    continue
                if dep in ("amod", "compound", "nmod", "flat") or child.pos_ == "ADJ":
                    c = self.lang.demonym(child.text)
                    if c and dep != "nmod":
                        return c, min(lo, child.i), max(hi, child.i + 1)
                if dep in ("nmod", "compound", "flat", "amod", "poss") or dep.startswith("nmod"):
                    # "el régimen de Pionyang", "el Gobierno de Gabriel Boric"
                    for nm in names:
                        if (
                            nm.kind in ("country", "capital", "person")
                            and nm.head == child.i
                            and nm.mention.country
                            and not nm.locative  # "the ministers met in Lima" are not Peru's
                        ):
                            return nm.mention.country, min(lo, nm.i), max(hi, nm.j)
        return None, lo, hi

    @staticmethod
    def _agent_org(doc: Any, a: int, b: int, names: list[TokMention]) -> TokMention | None:
        """An organisation or armed group in a "de" complement of a role noun."""
        for k in range(a, b):
            for child, dep in _complements(doc[k]):
                if dep.startswith("nmod") or dep in ("compound", "flat"):
                    for nm in names:
                        if nm.kind in ("organization", "group") and nm.head == child.i and nm.mention.code:
                            return nm
        return None

    def _demonyms(self, sent: Any, base: int, taken: set[int]) -> list[TokMention]:
        out = []
        for t in sent:
            if t.i in taken:
                continue
            c = self.lang.demonym(t.text)
            if not c or t.pos_ not in ("NOUN", "PROPN", "ADJ"):
                continue
            # "los rusos" (a noun) or "Iraqi towns" (a demonym on an ordinary noun: the country
            # stands for it). Demonyms on role nouns were taken by the agent pass already.
            if (
                t.pos_ == "ADJ"
                and t.dep_ not in ("amod", "compound")
                and not any(ch.dep_ == "det" for ch in t.children)
            ):
                continue
            j = t.i + 1
            nxt = t.doc[j] if j < len(t.doc) else None
            if nxt is not None and j not in taken and (other := self.lang.demonym(nxt.text)):
                # a people of another country, one actor of the country of residence: "Bosnian
                # Serbs" (the modifier first), "los serbios bosnios" (the modifier after)
                if t.head.i == j and t.dep_ in ("amod", "compound"):
                    j += 1
                elif nxt.head.i == t.i and nxt.dep_ in ("amod", "compound"):
                    c, j = other, j + 1
            text = t.doc[t.i : j].text
            m = Mention(
                text=text,
                start=base + t.idx,
                end=base + t.idx + len(text),
                name=None,
                kb_id=f"country:{c}",
                type="country",
                code=c,
                country=c,
                sector=None,
                rule="demonym",
            )
            out.append(TokMention(m, t.i, j, j - 1, "demonym"))
            taken.update(range(t.i, j))
        return out

    def _reciprocals(self, sent: Any, base: int, taken: set[int], ctx: ArticleContext) -> list[TokMention]:
        out = []
        for t in sent:
            if t.i in taken or fold(t.lemma_) not in RECIPROCAL_HEADS and fold(t.text) not in RECIPROCAL_HEADS:
                continue
            mods = [c for c in t.children if fold(c.text) in RECIPROCAL_MODS]
            if not mods:
                continue
            pair = _last_two(ctx.recent)
            lo = min(m.i for m in mods)
            m = Mention(
                text=sent.doc[lo : t.i + 1].text,
                start=base + sent.doc[lo].idx,
                end=base + t.idx + len(t.text),
                type="other",
                rule="reciprocal",
            )
            out.append(TokMention(m, lo, t.i + 1, t.i, "reciprocal", pair=pair))
            taken.update(range(lo, t.i + 1))
        return out

    def _entities(self, sent: Any, base: int, taken: set[int]) -> list[TokMention]:
        out = []
        for ent in sent.ents:
            if ent.label_ not in ("PER", "PERSON", "ORG") or any(k in taken for k in range(ent.start, ent.end)):
                continue
            if not any(t.pos_ == "PROPN" for t in ent):
                continue  # "Según", "Subrayó": capitalised words the small model calls PER
            typ = "person" if ent.label_ in ("PER", "PERSON") else "organization"
            m = Mention(
                text=ent.text,
                start=base + ent.start_char,
                end=base + ent.end_char,
                name=ent.text,
                type=typ,
                rule=f"ner:{ent.label_}",
            )
            out.append(TokMention(m, ent.start, ent.end, ent.root.i, "ner", locative=_is_locative(ent.root)))
        return out

    def _corefer(self, mentions: list[TokMention], ctx: ArticleContext) -> None:
        for tm in mentions:
            m = tm.mention
            if tm.kind == "person":
                ctx.persons.append(m)
                continue
            if tm.kind != "agent" or not m.country:
                continue
            # Singular leader nouns only: "el dirigente norcoreano", not "los ministros".
            nouns = [fold(w) for w in m.text.split() if fold(w) in COREF_NOUNS]
            if not nouns:
                continue
            title = COREF_NOUNS[nouns[0]]
            for p in reversed(ctx.persons):
                if p.code == m.code and title.lower() in ctx.titles.get(p.kb_id or "", "").lower():
                    m.name, m.kb_id, m.type, m.rule = p.name, p.kb_id, "person", "coref:role"
                    break


# Words that make a title a past one: "former President X", "el expresidente X"
_FORMER = frozenset("former ex then late onetime one-time erstwhile antiguo antigua otrora".split())
_EX = re.compile(
    r"ex-?(?:president|presidente|presidenta|ministr[oa]|minister|canciller|primer|prime|jef[ea]|mandatari[oa]|"
    r"gobernador|governor|alcalde|alcaldesa|secretari[oa]|secretary|senador|senator|diputad[oa]|lider|leader|"
    r"dirigente|comandante|commander|general|embajador|embajadora|ambassador|rey|king)\b"
)


def _titled(doc: Any, people: list[TokMention], agents: list[TokMention]) -> None:
    """A known person with no office on the article's date (an undated text, or a role the
    knowledge base does not hold) takes the sector of the title the text gives them right before
    the name ("Serbian President Vojislav Kostunica"), unless it is a past title ("former")."""
    by_end = {a.j: a for a in agents}
    for tm in people:
        m = tm.mention
        if tm.kind != "person" or m.sector or not m.country or tm.i not in by_end:
            continue
        title = by_end[tm.i]
        t = title.mention
        if not t.sector or (t.country and t.country != m.country):
            continue
        words = {fold(w.text) for w in doc[max(title.i - 2, 0) : tm.i]}
        if words & _FORMER or any(_EX.match(fold(w.text)) for w in doc[title.i : tm.i]):
            continue
        m.sector, m.code, m.rule = t.sector, m.country + t.sector, f"{m.rule}+title"


def _complements(tok: Any) -> Iterator[tuple[Any, str]]:
    """A token's children with their relation; the object of an English "of" counts as an nmod
    (Universal Dependencies' "the President of France" is spaCy English's prep + pobj)."""
    for child in tok.children:
        yield child, child.dep_
        if child.dep_ == "prep" and fold(child.text) == "of":
            for g in child.children:
                if g.dep_ == "pobj":
                    yield g, "nmod"


def _agent_mention(
    doc: Any, base: int, lo: int, hi: int, code: str, country: str | None, sector: str, rule: str
) -> Mention:
    """The mention of a role noun or a body of people over tokens lo..hi (no knowledge-base entry)."""
    return Mention(
        text=doc[lo:hi].text,
        start=base + doc[lo].idx,
        end=base + doc[hi - 1].idx + len(doc[hi - 1].text),
        type="other",
        code=code,
        country=country,
        sector=sector,
        rule=rule,
    )


def _plain_forms(tok: Any) -> list[str]:
    """A word's lemma and text, folded, and for a capitalised word (which the tagger leaves
    unlemmatised in a name: "Federación de Estudiantes", "Comunidades indígenas") its singular."""
    words = [fold(tok.lemma_), fold(tok.text)]
    if tok.text[:1].isupper():
        w = fold(tok.text)
        words += [w[:-2], w[:-1]] if w.endswith("es") else [w[:-1]] if w.endswith("s") else []
    return words


def _of_member(c: Any) -> Any | None:
    """The plural noun of a "de"/"of" complement ("de Estudiantes", "of farmers"), in either
    parse scheme (a name's words may hang as `flat`), or None."""
    if c.dep_ == "prep" and fold(c.text) == "of":
        member = next((g for g in c.children if g.dep_ == "pobj"), None)
    elif c.dep_ in ("nmod", "flat", "flat:name") and any(g.dep_ == "case" and fold(g.text) == "de" for g in c.children):
        member = c
    else:
        return None
    if member is None:
        return None
    plural = "Plur" in member.morph.get("Number") or member.tag_ in ("NNS", "NNPS")
    return member if plural or member.text[:1].isupper() and fold(member.text).endswith("s") else None


def _last_two(recent: list[Mention]) -> tuple[Mention, Mention] | None:
    picked: list[Mention] = []
    for m in reversed(recent):
        if m.country and all(p.country != m.country for p in picked):
            picked.append(m)
        if len(picked) == 2:
            return picked[1], picked[0]
    return None


def _singulars(tok: Any) -> tuple[str, ...]:
    """Singular guesses for a plural that opens a sentence and that the tagger, misled by the
    capital, left unlemmatised as a proper noun ("Manifestantes exigen…", "Protesters block…");
    nothing for other tokens, so surnames ("Felipe Reyes", "Reyes Martínez") stay names."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.pos_ != "PROPN" or not tok.is_sent_start or (nxt is not None and nxt.pos_ == "PROPN"):
        return ()
    # plural by the tagger (English NNPS) or by its verb ("Manifestantes exigen", not "Reyes llegó")
    if tok.tag_ != "NNPS" and "Plur" not in tok.head.morph.get("Number"):
        return ()
    w = fold(tok.text)
    out = []
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("es") and len(w) > 4:
        out.append(w[:-2])
    if w.endswith("s") and len(w) > 3:
        out.append(w[:-1])
    return tuple(out)


def _contract_type(kind: str) -> str:
    return {"capital": "country", "media": "organization"}.get(kind, kind)


def _is_locative(token: Any) -> bool:
    """After a locative preposition that Universal Dependencies attaches as a case child ("en
    Moscú"): a place, not an actor. English "in Iraq" stays a possible actor (a target, as the
    English gold codes "killed five in Iraq"); `after_locative` sees it for places."""
    return any(c.dep_ == "case" and fold(c.text) in LOCATIVE for c in token.children)


def after_locative(token: Any) -> bool:
    """Is the token the object of a locative preposition, in either parse scheme ("en Moscú",
    "in Moscow")? Such a place can be where an event happened."""
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and fold(token.head.text) in LOCATIVE:
        return True
    return _is_locative(token)
