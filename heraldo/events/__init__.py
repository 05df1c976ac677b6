"""Rule-based event coding over the dependency parse.

A trigger is a verb or noun lemma from ``lang/<code>/events.tsv``. Its source is the
grammatical subject (climbing through infinitives, gerunds and light verbs; the previous
sentence's subject when Spanish drops it), its target the object or a "a/con/contra/entre"
complement (the agent "por X" of a passive is the source). One event per trigger and
(source, target) pair; coordinated or reciprocal actors ("X y Y", "ambos países") give one
event per direction. Each event records the rule that produced it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from heraldo.actors import LOCATIVE as LOCATIVE_WORDS
from heraldo.actors import TYPE_RANK, TokMention
from heraldo.lang import LanguageData, Trigger, grammar
from heraldo.model import Attribution, Mention
from heraldo.ontology import halt_of, intent_of, lift_of
from heraldo.textutil import fold

# Function-word lists come from lang/<code>/grammar.yaml (all languages merged).
_G = grammar()

TARGET_CASES: frozenset[str] = _G["target_cases"]
AGENT_CASES: frozenset[str] = _G["agent_cases"]
NEGATORS: frozenset[str] = _G["negators"]
INTENT_HEADS: frozenset[str] = _G["intent_heads"]
THREAT_CONDITIONS: frozenset[str] = _G["threat_conditions"]  # "unless", "a menos que"
CONFLICT_CONDITIONS: frozenset[str] = _G.get("conflict_conditions", frozenset())  # "if", "si": hostile acts only
FUTURE_ADJECTIVES: frozenset[str] = _G["future_adjectives"]
POSSIBLE_ADJECTIVES: frozenset[str] = _G["possible_adjectives"]
HYPOTHETICAL_MARKS: frozenset[str] = _G["hypothetical_marks"]
MODAL_HYPOTHETICAL: frozenset[str] = _G["modal_hypothetical"]
BACKGROUND_CASES: frozenset[str] = _G.get("background_cases", frozenset())
# Nouns that make the event in their complement a time anchor or a cause ("on the eve of a visit",
# "in retaliation for an air raid")
ANCHOR_NOUNS: frozenset[str] = _G.get("anchor_nouns", frozenset())
# "X said Y must Z": an obligation a speaker puts on someone is a demand (CAMEO 100)
OBLIGATIONS: frozenset[str] = _G.get("obligations", frozenset())
DEMAND = Trigger("must", "VERB", "100")
# Verbs that deliver a statement noun ("issued a reminder that…", "emitió un comunicado que…")
STATEMENT_CARRIERS: frozenset[str] = _G.get("statement_carriers", frozenset())
# "para el jueves", "for next week": a time an event is set for has not come yet
FUTURE_CASES: frozenset[str] = _G.get("future_cases", frozenset())
FUTURE_TIMES: frozenset[str] = _G.get("future_times", frozenset())
# "returned to Geneva for talks": a governed event noun that is the purpose of a verb of going
PURPOSE_CASES: frozenset[str] = _G.get("purpose_cases", frozenset())
PURPOSE_HEADS: frozenset[str] = _G.get("purpose_heads", frozenset())
# Verbs of going on: an event they continue is happening, whatever their tense ("continuarán
# manifestando contra el rector", "la huelga seguirá")
CONTINUATIONS: frozenset[str] = _G.get("continuations", frozenset())
# Verbs of stopping: a cooperative event noun as their object is reduced relations (CAMEO 16)
HALTS: frozenset[str] = _G.get("halts", frozenset())
# Verbs of lifting: a sanction or restriction as their object is eased (CAMEO 08)
LIFTS: frozenset[str] = _G.get("lifts", frozenset())
# Verbs and nouns of ending: a protest they end is yielded (CAMEO 080), or put down by the police (170)
ENDS: frozenset[str] = _G.get("ends", frozenset())
END_NOUNS: frozenset[str] = _G.get("end_nouns", frozenset())
END_LIGHT: frozenset[str] = _G.get("end_light", frozenset())  # "poner fin a", "put an end to"
# Verbs that carry a participle as their event: "mantienen retenidas a 24 personas", "se llevaron
# secuestrado al alcalde" (the participle's verb, with the carrier's subject and object)
CARRIERS: frozenset[str] = _G.get("participle_carriers", frozenset())
# Verbs of being that put a participle in a state ("estaba bloqueado", "quedó bloqueada por los
# campesinos"): like a passive, "por X" is its agent
STATE_VERBS: frozenset[str] = _G.get("state_verbs", frozenset())
# Verbs that keep a protest from happening or break it up: its subject puts it down (170)
PREVENTS: frozenset[str] = _G.get("prevents", frozenset())
# Nouns that hold an event noun for a verb of stopping or lifting: "suspended aid deliveries",
# "ended mediation efforts", "suspendió parte del programa de ayuda"
CONTAINERS: frozenset[str] = _G.get("containers", frozenset())
# People named for protesting: force against them is violent repression (CAMEO 175)
PROTESTERS: frozenset[str] = _G.get("protesters", frozenset())
NO_CLIMB = {
    "acl",
    "acl:relcl",
    "relcl",
    "ccomp",
    "csubj",
    "parataxis",
    "advcl",
    "appos",
    "conj",
    "punct",
    "mark",
    "cc",
    "det",
    "case",
}
# "especulaciones sobre una reunión": a talked-about event has no agent from the governor
TOPIC_CASES: frozenset[str] = _G["topic_cases"]
# "resultaron muertos", "quedaron heridos": the subject of these verbs is the victim
VICTIM_VERBS: frozenset[str] = _G["victim_verbs"]
# Weapons and blasts as a verb's subject ("a car bomb killed ten people", "una bomba estalló en el
# mercado"): the text names no agent, so the event keeps an implicit source.
INSTRUMENT_SUBJECTS: frozenset[str] = _G.get("instrument_subjects", frozenset())
SUBJECTS = ("nsubj", "nsubj:pass", "nsubjpass")  # nominal subjects
SUBJECT_DEPS = (*SUBJECTS, "csubj")


@dataclass
class Candidate:
    """An event before ontology lookup: trigger token, code, actors, status."""

    trigger: Any
    trigger_end: int  # doc index after the trigger's last token (multiword nouns)
    cameo: str
    sources: list[Mention]
    targets: list[Mention | None]
    status: str
    attribution: Attribution | None
    rule: str
    reciprocal: bool = False
    plover: tuple[str, str] | None = None  # the trigger's own PLOVER type for `cameo` (lexicon flag)


# What makes a verb transitive for an `intrans` lexicon entry ("manifestaron contra el rector"
# is a protest; "manifestó su rechazo", "manifestó que…" are not)
COMPLEMENTS = frozenset({"obj", "dobj", "ccomp", "xcomp", "iobj", "nsubj:pass", "nsubjpass"})


def _complement(tok: Any) -> bool:
    """A complement that makes its verb transitive. The Spanish parser labels some prepositional
    phrases as objects ("manifestaron contra la congelación" with `obj`); an object introduced by
    a preposition other than the personal "a" is an oblique."""
    if tok.dep_ not in COMPLEMENTS:
        return False
    if tok.dep_ in ("obj", "dobj"):
        if tok.pos_ in ("ADV", "ADJ"):  # "manifestaban pacíficamente", "al llamado de": misparses
            return False
        return not any(c.dep_ == "case" and fold(c.text) not in ("a", "al") for c in tok.children)
    return True


class EventCoder:
    def __init__(self, langdata: LanguageData):
        self.lang = langdata

    # -- trigger lookup ---------------------------------------------------------------------
    def _noun_trigger(self, tok: Any) -> tuple[Trigger, int] | None:
        """A noun trigger, preferring a two-word entry ("ayuda humanitaria") over one word."""
        for child in tok.children:
            if child.i == tok.i + 1 and child.dep_ in ("amod", "compound", "nmod"):
                t = self.lang.trigger(f"{tok.lemma_} {child.lemma_}", "NOUN") or self.lang.trigger(
                    f"{tok.lemma_} {child.text}", "NOUN"
                )
                if t:
                    return t, child.i + 1
        for child in tok.children:
            # "la firma del tratado", "the signing of the agreement": noun + its "de/of" complement
            if (
                child.dep_.startswith("nmod")
                or child.dep_ in ("pobj", "compound")  # "toque de queda": "queda" as compound
                or (child.dep_ == "prep" and child.text == "of")
            ):
                head = _pobj(child)
                t = self.lang.trigger(f"{tok.lemma_} de {head.lemma_}", "NOUN") or self.lang.trigger(
                    f"{tok.lemma_} of {head.lemma_}", "NOUN"
                )
                if t:
                    return t, tok.i + 1
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.dep_ in ("compound", "amod", "nmod") and prev.head.i == tok.i:
            t = self.lang.trigger(f"{prev.lemma_} {tok.lemma_}", "NOUN")
            if t:
                return t, tok.i + 1
        t = self.lang.trigger(tok.lemma_, "NOUN") or self.lang.trigger(tok.text, "NOUN")
        if t is None and self.lang.code == "es" and tok.lemma_ == tok.text:
            # a plural the tagger left unlemmatized ("Manifestaciones" as a proper noun in a headline)
            w = fold(tok.text)
            for suffix in ("es", "s"):
                if t is None and w.endswith(suffix):
                    t = self.lang.trigger(w[: -len(suffix)], "NOUN")
        return (t, tok.i + 1) if t else None

    def _guess_verb(self, tok: Any) -> Trigger | None:
        """The verb trigger a mis-tagged present-tense form belongs to ("demanda" -> demandar)."""
        if self.lang.code != "es":
            return None
        w = fold(tok.text)
        stems = [w[:-1]] if w.endswith(("a", "e")) else [w[:-2]] if w.endswith(("an", "en")) else []
        for stem in stems:
            for ending in ("ar", "er", "ir"):
                t = self.lang.trigger(stem + ending, "VERB")
                if t and t.cameo:
                    return t
        return None

    def _verb_trigger(self, tok: Any) -> Trigger | None:
        reflexive = any(
            fold(c.text) == "se" and c.dep_ in ("obj", "iobj", "expl", "expl:pv", "expl:pass", "dobj")
            for c in tok.children
        )
        intransitive = not any(_complement(c) for c in tok.children)
        lemma = tok.lemma_
        if " " in lemma:  # "manifestándose" -> "manifestar él": the verb, with its clitic "se"
            lemma = lemma.split(" ", 1)[0]
            reflexive = reflexive or fold(tok.text).endswith("se")
        t = self.lang.trigger(lemma, "VERB", reflexive, intransitive)
        if t is None and tok.pos_ == "VERB" and not self.lang.regular_form(lemma, tok.text):
            # a form the lemmatizer got wrong ("reprimió" -> "reprimeír"): the lexicon verb whose
            # regular forms hold it (grammar.yaml `regular_endings`)
            if guessed := self.lang.verb_forms.get(fold(tok.text)):
                t = self.lang.trigger(guessed, "VERB", reflexive, intransitive)
        if t is None and (tok.pos_ == "ADJ" or _mistagged_participle(tok)) and self.lang.code == "es":
            # a participle lemmatized as an adjective, for protests: "el tránsito estaba bloqueado"
            # -> bloquear. (Other roots' participles -- "asesinado", "herido" -- are results the
            # casualty rules already read; matching them too lost 0.02 ROOT F1 on the fight set.)
            # A passive with "ser" is its verb for every root: "la operación fue criticada" (111).
            t = next((x for inf in _infinitives(fold(tok.lemma_)) if (x := self.lang.trigger(inf, "VERB"))), None)
            t = t if t is not None and (_protest(t) or _is_passive(tok) or _carried(tok)) else None
        idioms = self.lang.idiom_objects.get(t.lemma) if t is not None else None
        if idioms and any(c.dep_ in ("obj", "dobj") and fold(c.lemma_) in idioms for c in tok.children):
            return None  # "ocupa el cargo", "occupies the post": no occupation
        if t is not None and t.personal:
            objects = [c for c in tok.children if c.dep_ in ("obj", "dobj")]
            if objects and not any(_case(o) in ("a", "al") for o in objects):
                return None  # "eliminar trabas comerciales": no killing
        if t is not None and (codes := self.lang.object_codes.get(t.lemma)):
            for c in tok.children:
                if c.dep_ not in ("obj", "dobj", "nsubj:pass", "nsubjpass"):
                    continue
                # "700 kg of medicine", "toneladas de alimentos": a measure names what it measures
                words = [fold(c.lemma_), *(fold(m.lemma_) for m in _measured(c))]
                if code := next((codes[w] for w in words if w in codes), None):
                    return replace(t, cameo=code, plover=None, light=False)  # "expelled two diplomats": 161, not 174
        return t

    # -- the stage ---------------------------------------------------------------------------
    def code(self, sent: Any, mentions: list[TokMention], ctx: Any) -> list[Candidate]:
        by_token: dict[int, TokMention] = {}
        for tm in mentions:
            for k in range(tm.i, tm.j):
                by_token[k] = tm
        triggers: list[tuple[Any, Trigger, int]] = []
        for tok in sent:
            if tok.i in by_token and by_token[tok.i].kind != "agent":
                continue
            verbal = (
                tok.pos_ in ("VERB", "AUX")
                or (tok.pos_ == "ADJ" and (tok.dep_ == "ROOT" or _participle(tok)))
                or _mistagged_participle(tok)
            )
            if verbal and tok.pos_ == "VERB" and _after_article(tok):
                # "el firme deseo de preservar": a noun the tagger took for "(yo) deseo"
                if as_noun := self.lang.trigger(tok.text.lower(), "NOUN"):
                    triggers.append((tok, as_noun, tok.i + 1))
                continue
            if verbal and (t := self._verb_trigger(tok)):
                triggers.append((tok, t, tok.i + 1))
            elif tok.pos_ == "ADJ" and (
                at := self.lang.trigger(tok.lemma_, "ADJ") or self.lang.trigger(tok.text, "ADJ")
            ):
                triggers.append((tok, at, tok.i + 1))  # "resultaron muertos"
            elif verbal:
                continue
            elif tok.pos_ in ("NOUN", "PROPN") and _verb_like(tok) and (vt := self._guess_verb(tok)):
                triggers.append((tok, vt, tok.i + 1))  # "La población demanda mejoras": a verb tagged NOUN
            elif tok.pos_ in ("NOUN", "PROPN"):
                nt = self._noun_trigger(tok)
                if nt:
                    triggers.append((tok, nt[0], nt[1]))
        nominal = {tok.i: t for tok, t, _ in triggers if t.pos in ("NOUN", "ADJ")}
        # event verbs govern their complements ("threatened to hold a strike"); so do carriers of an
        # intent ("offered to negotiate", "prometió retirar": 036, 0356 below), not their nominal objects
        governing = {
            tok.i
            for tok, t, _ in triggers
            if t.pos == "VERB" and t.cameo and (not t.light or t.cameo[:2] in ("03", "13"))
        }
        codes = {tok.i: t.cameo or "" for tok, t, _ in triggers}
        reversed_: dict[int, str] = {}  # "halted aid" (1621), "lifted the embargo" (085)
        reversed_heads: set[int] = set()  # the objects that hold them ("aid deliveries")
        reversed_by: dict[int, str] = {}  # and the verb that turns them ("suspend")
        for tok, t, _ in triggers:
            if t.pos == "NOUN" and codes[tok.i][:2] == "14" and _ended(tok):
                # "finalizan la huelga", "puso fin a una huelga de hambre", "acabar con el bloqueo":
                # protesters yield (080); police who end a protest coerce (170, below)
                codes[tok.i] = reversed_[tok.i] = "080"
            elif t.pos == "NOUN" and codes[tok.i][:2] == "14" and _prevented(tok):
                # "la policía impidió la marcha", "police broke up the protest": put down (170)
                codes[tok.i] = reversed_[tok.i] = "170"
            elif t.pos == "NOUN" and (held := _held_object(tok)).dep_ in ("obj", "dobj", "nsubj:pass"):
                if held.head.pos_ not in ("VERB", "AUX"):
                    continue
                head = fold(held.head.lemma_)
                turned = halt_of(codes[tok.i]) if head in HALTS else lift_of(codes[tok.i]) if head in LIFTS else None
                if turned:
                    codes[tok.i] = reversed_[tok.i] = turned
                    reversed_heads.add(held.i)
                    reversed_by[tok.i] = head
        # nouns of appeal, demand, intent and threat whose clause says what is asked or promised
        claims = {tok.i for tok, t, _ in triggers if t.pos == "NOUN" and codes[tok.i][:2] in ("02", "03", "10", "13")}
        protest_verbs = {tok.i for tok, t, _ in triggers if t.pos == "VERB" and _protest(t)}
        carriers = {tok.head.i for tok, t, _ in triggers if t.pos == "VERB" and _carried(tok)}
        protests = protest_verbs | {tok.i for tok, t, _ in triggers if codes[tok.i][:2] == "14"}
        protest_nouns = protests - protest_verbs
        out: list[Candidate] = []
        demanded: set[int] = set()
        tolled: set[int] = set()  # protests that left dead or wounded: violent (145)
        for tok in sent:
            if cand := self._obligation(tok, by_token, ctx):
                out.append(cand)
                demanded.add(tok.i)
        for tok, trig, end in triggers:
            if tok.i in demanded or _governed_by(tok, demanded):
                continue  # "Libya must hand over the suspects": demanded, not done
            if _governed_by(tok, governing):
                continue  # "threatened to hold a strike", "refused to allow": the governing verb is the event
            if _claimed(tok, claims):
                continue  # "its demand that Israel ease restrictions": demanded, promised, threatened, not done
            if trig.pos == "VERB":
                if tok.i in carriers:
                    continue  # "se llevaron secuestrado al alcalde": the participle is the event
                if codes[tok.i][:2] in PURPOSE_ROOTS and _purpose_of(tok, protests):
                    continue  # "marcharon para exigir la renuncia", "un paro reclamando aumentos": the protest's aim
                objs = [c for c in tok.children if c.dep_ in ("obj", "dobj", "obl", "nsubj:pass") and c.i in nominal]
                if trig.light or trig.cameo is None:
                    if objs or trig.cameo is None:
                        continue  # the nominal object carries the event
                if any(o.i in reversed_ or o.i in reversed_heads for o in tok.children):
                    continue  # "suspendió la ayuda": the noun carries the event, as a halt (below)
                cand = self._verbal(tok, trig, end, by_token, ctx)
                if (
                    cand
                    and cand.cameo[:2] in ("18", "19")
                    and not (cand.sources and all(_crowd(m) for m in cand.sources))
                ):
                    if _on_protest(tok, protest_nouns) or any(_protesters(m) for m in cand.targets):
                        # "el ejército disparó contra una manifestación", "police beat protesters":
                        # violent repression, unless protesters do it (a riot)
                        cand.cameo, cand.plover = REPRESSION, None
                        cand.rule += ":on-protest"
                if cand and trig.cameo and trig.cameo[:2] in ("03", "13"):
                    # "acordaron iniciar un paro", "agreed to withdraw": agreeing to do something is
                    # the intent to do it (133, 0356), with the agreeing verb's actors; threatening
                    # to do it is the threat it names ("amenazó con iniciar un paro" 133)
                    unarmed = _unarmed(cand.sources)
                    done = [
                        g.unarmed if g.unarmed and unarmed and codes[t.i] == g.cameo else codes[t.i]
                        for t, g, _ in triggers
                        if t.i != tok.i and _governed_by(t, {tok.i}, INFINITIVE)
                    ]  # "los camioneros amenazaron con bloquear las rutas": a protest blockade, 133
                    intents = [c for d in done if (c := intent_of(d))]
                    intent = next((c for c in intents if trig.cameo[:2] == "03" or c[:2] == "13"), None)
                    cand.cameo = intent or cand.cameo
            else:
                head = tok.head
                governed_by_verb = tok.dep_ in ("obj", "dobj", "nsubj:pass", "xcomp") and head.pos_ in ("VERB", "AUX")
                head_trig = self._verb_trigger(head) if governed_by_verb else None
                if tok.i in reversed_:
                    # "Japan halted economic aid to Serbia": reducing relations (1621), not aid;
                    # "lifted the embargo": easing it (085), not imposing it
                    if cand := self._nominal(tok, trig, end, by_token, ctx):
                        cand.cameo = reversed_[tok.i]
                        cand.rule += f":{reversed_by.get(tok.i) or fold(head.lemma_)}"
                        ender = _ender(tok) if cand.cameo in ("080", "170") else None
                        if ender is not None:
                            # ending or preventing it is done now, whenever the protest was set for
                            cand.status = status_of(ender, self.lang)
                            # who ends it: "la policía puso fin a la huelga de los mineros" (the
                            # police, not the miners, whose protest it was)
                            subj = [m for t in self._subject(ender, by_token, ctx)[0] if (m := t.mention).code]
                            if subj and {m.code for m in subj} != {m.code for m in cand.sources}:
                                protesters: list[Mention | None] = [m for m in cand.sources if m.code]
                                cand.sources, cand.targets = subj, protesters or [None]
                                cand.rule += ":ender"
                        if cand.cameo == "080" and any(m and m.sector in ("COP", "MIL") for m in cand.sources):
                            cand.cameo = "170"  # "la policía puso fin a la manifestación": put down
                        if cand.cameo in ("080", "170") and cand.status == "negated":
                            cand.cameo, cand.status = trig.cameo or "", "asserted"  # "no suspendieron la huelga"
                        out.append(cand)
                    continue
                if head_trig and head_trig.cameo and not head_trig.light:
                    continue  # "firmaron un acuerdo": the verb is the event
                if _case(tok) in ("en", "in") and head.i in protest_verbs:
                    continue  # "marcharon en rechazo a la ley", "en apoyo a": the protest's purpose
                if _background(tok):
                    continue  # "tras el ataque", "protestaron contra la visita": a time anchor, a target
                if _case(tok) in PROTEST_CAUSES and head.i in protests:
                    continue  # "protestaron por el asesinato de", "huelga por el secuestro": its cause
                if codes[tok.i][:2] == "18" and (protest := _toll_of(tok, protest_nouns)) is not None:
                    tolled.add(protest)
                    continue  # "protestas que dejaron dos muertos": the protest's toll, a violent one
                if trig.governed and not (head_trig and head_trig.light) and not governed_by_verb:
                    purpose = (
                        tok.dep_ == "pobj"
                        and fold(tok.head.text) in PURPOSE_CASES
                        and fold(tok.head.head.lemma_) in PURPOSE_HEADS
                    )
                    if not purpose and not _on_light_verb(tok, self._verb_trigger):
                        continue
                cand = self._nominal(tok, trig, end, by_token, ctx)
            if cand:
                out.append(cand)
        for cand in out:
            if cand.trigger.i in tolled and cand.cameo[:2] == "14" and cand.cameo != RIOT:
                cand.cameo, cand.plover = RIOT, None
                cand.rule += ":toll"
        if sent.doc.user_data.get("headline") and not any(c.rule.startswith("verb:") for c in out):
            if cand := self._headline_verb(sent, mentions, ctx):
                out.append(cand)
        return out

    def _headline_verb(self, sent: Any, mentions: list[TokMention], ctx: Any) -> Candidate | None:
        """A headline in capitals whose verb the parser missed ("POLICIA ARRESTA A 20
        MANIFESTANTES", "EJERCITO MATA A TRES GUERRILLEROS": a noun, an adjective, a name to the
        tagger): a present-tense form of a lexicon verb after the first actor is the event, that
        actor its source, the next actor its target."""
        acting = [tm for tm in mentions if tm.can_act() and sent.start <= tm.i < sent.end]
        if not acting:
            return None
        first = min(acting, key=lambda tm: tm.i)
        named = {k for tm in mentions for k in range(tm.i, tm.j)}
        for tok in sent:
            if tok.i < first.j or tok.pos_ in ("VERB", "AUX") or tok.i in named:
                continue
            if tok.i > first.j + 1:
                return None  # the verb follows its subject at once in a headline
            trig = self._guess_verb(tok)
            if trig is None:
                continue
            after = [tm for tm in acting if tm.i > tok.i and not tm.locative and not _after_locative_word(tm, sent)]
            targets = [min(after, key=lambda tm: tm.i)] if after else []
            return self._candidate(tok, tok.i + 1, trig, [first], targets, f"headline:{trig.lemma}", ctx)
        return None

    def _obligation(self, tok: Any, by_token: dict[int, TokMention], ctx: Any) -> Candidate | None:
        """ "Russia said Sudan must return the helicopter", "dijo que Estados Unidos debe retirarse":
        the speaker demands (100) of the obligation's subject."""
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in ("ccomp", "acl", "xcomp"):
            return None
        marks = [c for c in tok.children if c.dep_ == "aux" and fold(c.lemma_) in OBLIGATIONS]
        if not marks and fold(tok.lemma_) not in OBLIGATIONS:
            return None
        speaker = tok.head
        if speaker.pos_ == "NOUN" and speaker.head.pos_ == "VERB":
            speaker = speaker.head  # "issued a reminder to Iraq that it must cooperate"
        if not (speaker.pos_ == "VERB" and fold(speaker.lemma_) in self.lang.speech_verbs | STATEMENT_CARRIERS):
            return None
        sources, how = self._subject(speaker, by_token, ctx)
        if not sources:
            return None
        skip = {i for s in sources for i in range(s.i, s.j)}
        targets: list[TokMention] = []
        for c in tok.children:
            if c.dep_ in SUBJECTS and (best := self._best(c, by_token, skip)):
                targets = self._conj(best, c, by_token)
        if not targets:
            targets = self._targets_of(speaker, by_token, skip, ("iobj", "dative"))
        mark = marks[0] if marks else tok
        return self._candidate(mark, mark.i + 1, DEMAND, sources, targets, f"obligation:{how}", ctx)

    # -- roles -------------------------------------------------------------------------------
    def _best(self, root: Any, by_token: dict[int, TokMention], skip: set[int] | None = None) -> TokMention | None:
        """The actor a phrase stands for: the mention nearest its head, people before roles."""
        frontier = [root]
        depth = 0
        while frontier and depth < 6:
            here = [by_token[t.i] for t in frontier if t.i in by_token and not (skip and t.i in skip)]
            here = [tm for tm in here if tm.can_act()]
            if here:
                appos = [
                    by_token[c.i]
                    for t in frontier
                    for c in t.children
                    if c.dep_ == "appos" and c.i in by_token and by_token[c.i].kind == "person"
                ]
                pool = here + appos
                return min(pool, key=lambda tm: TYPE_RANK.get(tm.kind, 6))
            nxt = []
            for t in frontier:
                for c in t.children:
                    # A phrase stands for its head and its "de"/possessive modifiers, not for
                    # its complements: "una cumbre entre Kim y Putin" is not Kim.
                    if (c.dep_ not in NO_CLIMB or c.dep_ == "appos") and _case(c) not in TARGET_CASES:
                        nxt.append(c)
            frontier = nxt
            depth += 1
        return None

    def _subject(self, verb: Any, by_token: dict[int, TokMention], ctx: Any) -> tuple[list[TokMention], str]:
        """Subject of a verb: its own, an infinitive's governor's, or the running subject."""
        tok = verb
        how = "subject"
        for _ in range(4):
            state = _state_participle(tok)
            passive = _is_passive(tok) or state is not None
            climb = False
            # the parser may split a subject in two ("Los presidentes | Vicente Fox y Óscar Berger
            # acordaron…", both nsubj): the first with an actor is the subject
            subjects = [] if passive else [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
            for c in subjects:
                best = self._best(c, by_token)
                if best:
                    return self._conj(best, c, by_token), how
            for c in subjects:
                if _third_person_pronoun(c) and self._reported(tok):
                    climb = True  # "Hungary said it will support": the speaker
                    break
                if _relative_pronoun(c) and tok.dep_ in RELATIVE_CLAUSES and tok.head.i != tok.i:
                    # "los manifestantes, que habían ocupado las instalaciones": the noun the
                    # relative clause hangs from, not the clause's own complements
                    best = self._best(tok.head, by_token, {t.i for t in tok.subtree})
                    if best:
                        return self._conj(best, tok.head, by_token), "relative-antecedent"
                return [], "subject-not-actor"
            for c in (_around(tok, state) if state is not None else tok.children) if passive else ():
                if c.dep_ == "agent":  # English: "attacked by Iraq" is `agent` "by" over `pobj` "Iraq"
                    c = _pobj(c)
                if c.dep_ in ("obl", "obj", "nmod", "obl:agent", "pobj") and _case(c) in AGENT_CASES:
                    best = self._best(c, by_token)
                    if best:
                        return [best], "passive-agent"
            if (
                passive
                and state is None
                and tok.dep_ not in ("ROOT", "xcomp")
                and any(c.dep_ in ("nsubjpass", "nsubj:pass") for c in tok.children)
            ):
                # "after two of their vehicles were hit by gunfire": a passive clause with its own
                # patient and no named agent says nothing of who acted; not the governor's subject
                break
            if climb or (not passive and self._reported(tok) and _dropped_agrees(tok)):
                # "Corea del Norte dijo que enviará tropas": the speaker is the subject
                tok, how = tok.head, "speaker"
                continue
            if tok.dep_ == "pcomp" and fold(tok.head.text) == "as" and tok.head.head.i != tok.head.i:
                # "X was quoted as saying…": the one quoted is the speaker
                quoted = tok.head.head
                for c in quoted.children:
                    if c.dep_ in ("nsubjpass", "nsubj:pass") and (best := self._best(c, by_token)):
                        return self._conj(best, c, by_token), "quoted-speaker"
            # "dispuesto a apoyar", "destacando que", "X decidió atacar": climb to the governor
            if (tok.dep_ in ("xcomp", "advcl", "conj", "acl", "acomp") or _carried(tok)) and tok.head.i != tok.i:
                tok = tok.head
                continue
            if tok.dep_ in ("ROOT",) and ctx.last_subject is not None:
                return [TokMention(ctx.last_subject, -1, -1, -1, "running")], "dropped-subject"
            break
        return [], "none"

    def _reported(self, tok: Any) -> bool:
        """A clause that is what a speech verb's subject said: "X said (that) …", "X dijo que …"."""
        return tok.dep_ == "ccomp" and tok.head.i != tok.i and fold(tok.head.lemma_) in self.lang.speech_verbs

    def _conj(self, best: TokMention, phrase: Any, by_token: dict[int, TokMention]) -> list[TokMention]:
        out = [best]
        head_tok = phrase
        for c in head_tok.subtree:
            if c.dep_ == "conj" and c.i in by_token:
                cm = by_token[c.i]
                if cm is not best and cm not in out and cm.can_act() and cm.mention.code:
                    out.append(cm)
        return out

    def _targets_of(
        self, tok: Any, by_token: dict[int, TokMention], skip: set[int], deps: tuple[str, ...]
    ) -> list[TokMention]:
        for c in tok.children:
            if c.i in skip:
                continue
            if (
                c.dep_ in deps
                or (
                    c.dep_ in ("obl", "nmod", "iobj", "obl:arg", "prep", "pobj", "dative")
                    and (_case(c) in TARGET_CASES or c.dep_ in ("iobj", "dative"))
                )
                # a personal object ("dieron muerte a una persona": the light verb's second object)
                or (c.dep_ == "obj" and _case(c) in ("a", "al"))
            ):
                c = _pobj(c)
                best = self._best(c, by_token, skip)
                if best and _own(c, best):
                    continue  # "withdraw its troops", "retirar sus tropas": the source's own means
                if best:
                    return self._conj(best, c, by_token)
        return []

    def _deep_target(self, root: Any, by_token: dict[int, TokMention], skip: set[int]) -> list[TokMention]:
        """The nearest actor inside a complement or object phrase, breadth first."""
        frontier, depth = [root], 0
        while frontier and depth < 5:
            for t in frontier:
                tm = by_token.get(t.i)
                if tm and t.i not in skip and tm.can_act():
                    return [tm]
            frontier = [c for t in frontier for c in t.children if c.dep_ not in ("acl", "acl:relcl", "relcl", "punct")]
            depth += 1
        return []

    def _verbal(self, tok: Any, trig: Trigger, end: int, by_token: dict[int, TokMention], ctx: Any) -> Candidate | None:
        sources, how = self._subject(tok, by_token, ctx)
        skip = {i for s in sources for i in range(s.i, s.j)}
        state = _state_participle(tok)
        passive = _is_passive(tok) or state is not None
        if passive:
            targets = self._targets_of(tok, by_token, skip, SUBJECTS)
            if not targets and state is not None:
                # "la carretera quedó bloqueada por los campesinos": what is in that state
                targets = self._targets_of(state, by_token, skip | {tok.i}, SUBJECTS)
        elif _carried(tok):
            # "mantienen retenidas a 24 personas": the carrier's object
            targets = self._targets_of(tok.head, by_token, skip | {tok.i}, ("obj", "dobj", "iobj"))
        else:
            targets = self._targets_of(tok, by_token, skip, ("obj", "dobj", "iobj", "dative", "obl:arg"))
        if not targets:
            # "threatened to shell Iraqi towns", "suspended aid for Bosnia": look one clause down
            # and inside the object phrase.
            for c in tok.children:
                if c.dep_ in ("xcomp", "ccomp", "obj", "dobj") and c.i not in skip:
                    targets = self._deep_target(c, by_token, skip)
                    if targets and _own(c, targets[0]):
                        targets = []
                    if targets:
                        break
        if not targets and (trig.cameo or "")[:2] in VICTIM_ROOTS:
            targets = _named_victim(tok, by_token, skip)
        cand = self._candidate(tok, end, trig, sources, targets, f"verb:{trig.lemma}:{how}", ctx)
        if cand and how == "relative-antecedent" and cand.cameo[:2] not in self.lang.implicit_source_roots:
            # a relative clause's verb of another root tells the antecedent's background ("los
            # presos, que habían herido a un guardia"): it stays no event, as before (measured)
            return None
        return cand

    def _nominal(
        self, tok: Any, trig: Trigger, end: int, by_token: dict[int, TokMention], ctx: Any
    ) -> Candidate | None:
        # "el ataque de la guerrilla", "Russia's support": the noun's own agent
        sources: list[TokMention] = []
        how = "possessor"
        patients: list[TokMention] = []
        for c in tok.children:
            if c.dep_ in ("nmod", "poss", "nmod:poss") and (_case(c) in ("de", "del", "of", "'s") or c.dep_ != "nmod"):
                best = self._best(c, by_token)
                if best and trig.patient and _case(c) in ("de", "del", "of"):
                    patients = [best]  # "la detención de los dirigentes": whom it is done to
                    continue
                if best and not (_case(c) in ("of",) and trig.cameo and trig.cameo.startswith(("18", "19", "17"))):
                    sources = [best]
                    break
        if patients and not sources:
            # "el asesinato del alcalde por los campesinos", "the arrest of X by police"
            agent = next((c for c in tok.children if _case(c) in AGENT_CASES), None)
            best = self._best(agent, by_token) if agent is not None else None
            if best:
                sources, how = [best], "noun-agent"
        if not sources:
            # "violent protests by students", "the attack by unknown gunmen": the noun's own agent
            agent = next((c for c in tok.children if _case(c) == "by"), None)
            best = self._best(agent, by_token) if agent is not None else None
            if best:
                sources, how = [best], "noun-agent"
        if not sources and _case(tok) in ("en", "in", "on") and tok.head.i in by_token:
            # "los mineros en huelga", "workers on strike": the actor the event noun describes
            head_tm = by_token[tok.head.i]
            if head_tm.can_act() and head_tm.mention.code:
                sources, how = [head_tm], "state-of-actor"
        if not sources:
            # "el paro convocado por la oposición", "the strike called by the unions"
            for c in tok.children:
                if c.dep_ in ("acl", "amod") and _participle(c):
                    agent = next((g for g in c.children if _case(g) in AGENT_CASES), None)
                    best = self._best(agent, by_token) if agent is not None else None
                    if best:
                        sources, how = [best], "participle-agent"
                        break
        targets: list[TokMention] = []
        entre = [c for c in tok.children if _case(c) in ("entre", "between")]
        if entre and not sources:
            pair = self._conj(self._best(entre[0], by_token) or _EMPTY, entre[0], by_token)
            pair = [p for p in pair if p is not _EMPTY]
            if len(pair) >= 2:
                return self._candidate(
                    tok, end, trig, pair[:1], pair[1:2], f"noun:{trig.lemma}:between", ctx, reciprocal=True
                )
        if not sources and _case(tok) not in TOPIC_CASES:
            governor = tok.head
            hops = 0
            while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i and hops < 3:
                governor = governor.head
                hops += 1
            gov_trig = self._verb_trigger(governor) if governor.pos_ in ("VERB", "AUX") else None
            if (
                gov_trig is not None
                and gov_trig.cameo
                and not gov_trig.light
                and fold(governor.lemma_) not in HALTS | LIFTS
            ):
                # "condenó a Ucrania por el ataque": the attack is not Russia's; its agent is unnamed
                how = "under-another-event"
            elif governor.pos_ in ("VERB", "AUX", "ADJ"):
                sources, how = self._subject(governor, by_token, ctx)
                how = f"governor-{how}"
        sources = [s for s in sources if s not in patients]  # the governor's subject is this phrase
        skip = {i for s in sources for i in range(s.i, s.j)}
        targets = patients or self._targets_of(tok, by_token, skip, ())
        if not targets and tok.dep_ in ("obj", "dobj"):
            # "dar su respaldo a Rusia": the complement hangs on the light verb
            targets = self._targets_of(tok.head, by_token, skip | {tok.i}, ("iobj",))
        if trig.pos == "ADJ" and fold(tok.head.lemma_) in VICTIM_VERBS and sources and not targets:
            # "cuatro civiles resultaron muertos": the subject is the victim, the agent is unnamed
            sources, targets, how = [], sources, "victim-subject"
        return self._candidate(tok, end, trig, sources, targets, f"noun:{trig.lemma}:{how}", ctx)

    def _candidate(
        self,
        tok: Any,
        end: int,
        trig: Trigger,
        sources: list[TokMention],
        targets: list[TokMention],
        rule: str,
        ctx: Any,
        reciprocal: bool = False,
    ) -> Candidate | None:
        src: list[Mention] = []
        tgt: list[Mention | None] = []
        for s in sources:
            if s.pair:
                src.extend(s.pair)
                reciprocal = True
            elif s.mention.code:
                src.append(s.mention)
        for t in targets:
            if t.pair:
                tgt.extend(t.pair)
            elif t.mention.code:
                tgt.append(t.mention)
        if trig.cameo is None:
            return None
        code = trig.cameo
        parties = [*src, *tgt] if trig.clash else src  # a clash has two sides; a killing, its killer
        if trig.unarmed and _unarmed(parties):
            code = trig.unarmed  # "choques entre manifestantes y policías": not combat
        if trig.official and any(is_official(m) for m in src):
            code = trig.official  # "el gobierno protestó ante Quito": an official complaint
        if code[:3] in RIOT_CODES and not trig.clash and src and all(_crowd(m) for m in src):
            code = RIOT  # "los manifestantes destrozaron ventanales", "vecinos quemaron patrullas"
        if code == MEET and not tgt and src and all(_crowd(m) for m in src) and not _met_with(tok):
            code = GATHER  # "se reunieron 300 personas", "un millar de jóvenes se reunió en Beirut"
        if not src:
            # The text names no agent ("Protestas violentas en Santo Domingo", "fueron dinamitadas"):
            # nominal and passive events keep an implicit source (empty span, no code), and so do
            # verbs of the roots the language lists (grammar.yaml `implicit_source_roots`): a
            # protest by people no dictionary codes ("unas 200 minas paralizaron sus tareas").
            if not (
                trig.pos in ("NOUN", "ADJ")
                or _is_passive(tok)
                or (_impersonal(tok) and fold(tok.lemma_) not in self.lang.speech_verbs)
                or code[:2] in self.lang.implicit_source_roots
                or (code[:2] in VICTIM_ROOTS and _instrument_subject(tok))
            ):
                return None
            src = [Mention("", 0, 0, type="other", rule="implicit")]  # placed at the trigger by the pipeline
            rule += ":implicit-source"
        if not tgt and len(src) == 2 and src[0].country and src[1].country and src[0].country != src[1].country:
            reciprocal = True  # "Kim Jong-un y Rusia consolidan su alianza": each acts on the other
        if reciprocal and len(src) == 2 and not tgt:
            return Candidate(
                tok,
                end,
                code,
                [src[0], src[1]],
                [src[1], src[0]],
                status_of(tok, self.lang),
                attribution_of(tok, self.lang),
                rule + ":reciprocal",
                reciprocal=True,
                plover=trig.plover if code == trig.cameo else None,
            )
        return Candidate(
            tok,
            end,
            code,
            src,
            tgt or [None],
            status_of(tok, self.lang),
            attribution_of(tok, self.lang),
            rule,
            reciprocal,
            trig.plover if code == trig.cameo else None,
        )


_EMPTY = TokMention(Mention("", 0, 0), -1, -1, -1, "none")


COMPLEMENT_DEPS = {"xcomp", "ccomp", "obj", "dobj", "nsubj:pass"}
# "agreed to withdraw its troops" (an infinitive and its object), not "agree that disputes should be resolved"
INFINITIVE = frozenset({"xcomp", "obj", "dobj"})
# prepositions that introduce an infinitive complement ("amenazó con iniciar", "se comprometió a retirar")
INFINITIVE_MARKS = frozenset({"con", "a", "en", "de"})
# What a protest is about: "protestaron por el asesinato", "ante el secuestro", "a strike over the killing"
PROTEST_CAUSES = frozenset({"por", "ante", "over", "against"})
# "marcharon para exigir", "a fin de presionar", "en procura de reclamar", "marched to demand"
PURPOSE_MARKS = frozenset({"para", "fin", "procura", "to", "por"})


RELATIVE_CLAUSES = frozenset({"acl", "acl:relcl", "relcl"})
RELATIVE_PRONOUNS = frozenset({"que", "quien", "quienes", "cual", "cuales", "who", "which", "that"})


def _relative_pronoun(tok: Any) -> bool:
    return tok.pos_ == "PRON" and ("Rel" in tok.morph.get("PronType") or fold(tok.lemma_) in RELATIVE_PRONOUNS)


def _participle(tok: Any) -> bool:
    return "Part" in tok.morph.get("VerbForm") or (tok.dep_ == "conj" and tok.head.pos_ == "VERB")


def _verb_like(tok: Any) -> bool:
    """A noun acting as the verb of its clause: the root, with a subject and an object."""
    deps = {c.dep_ for c in tok.children}
    return tok.dep_ == "ROOT" and "nsubj" in deps and bool(deps & {"obj", "obl", "ccomp"})


def _infinitives(participle: str) -> list[str]:
    """The infinitives a Spanish participle may come from: bloqueado -> bloquear, ocupada ->
    ocupar, paralizados -> paralizar, detenido -> detener / detenir."""
    w = participle[:-1] if participle.endswith("s") else participle
    if w.endswith(("ado", "ada")):
        return [w[:-3] + "ar"]
    if w.endswith(("ido", "ida")):
        return [w[:-3] + "er", w[:-3] + "ir"]
    return []


def _claimed(tok: Any, claims: set[int]) -> bool:
    """Is `tok` (or the verb it hangs on) in the clause of a noun of demand, intent or threat?"""
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("acl", "ccomp") and cur.head.i in claims:
            return True
        cur = cur.head
    return False


def _governed_by(tok: Any, governing: set[int], deps: frozenset[str] | set[str] | None = None) -> bool:
    """Is `tok` inside the complement of another event verb (through at most three hops)?"""
    cur = tok
    for _ in range(3):
        if (cur.dep_ not in (deps or COMPLEMENT_DEPS) and not _marked_infinitive(cur)) or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i in governing and cur.i != tok.i:
            # a verb trigger's own nominal object is handled by the light/verb rule
            return not (cur.i == tok.head.i and tok.dep_ in ("obj", "dobj", "obl", "nsubj:pass"))
    return False


def _marked_infinitive(tok: Any) -> bool:
    """An infinitive clause a preposition introduces as a verb's complement: "amenazó con iniciar
    un paro", "se comprometió a retirar", "insistió en celebrar"."""
    return (
        tok.dep_ == "advcl"
        and "Inf" in tok.morph.get("VerbForm")
        and any(c.dep_ == "mark" and fold(c.text) in INFINITIVE_MARKS for c in tok.children)
    )


# What a protest is for ("para exigir", "reclamando", "to demand", "protesting") is its aim, not
# an event of its own: CAMEO codes the protest.
PURPOSE_ROOTS = ("10", "11", "14")


def _purpose_of(tok: Any, protests: set[int]) -> bool:
    """Is the verb `tok` the purpose clause of a protest -- of a protest verb, a protest noun, or
    a verb whose object is one ("realizaban un paro exigiendo aumentos")?"""
    purpose = "Ger" in tok.morph.get("VerbForm") or any(
        c.dep_ in ("mark", "case", "aux") and fold(c.text) in PURPOSE_MARKS for c in tok.children
    )
    head = tok.head
    if tok.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and head.i != tok.i:
        if _purpose_of(head, protests):
            return True  # "para protestar … y para exigir"
    elif tok.dep_ not in ("advcl", "acl", "xcomp", "obl") or head.i == tok.i:
        return False
    return purpose and (
        head.i in protests or any(c.i in protests and c.dep_ in ("obj", "dobj", "obl") for c in head.children)
    )


OWN_POSSESSIVES = frozenset(
    {"its", "their", "his", "her", "our", "su", "sus", "nuestro", "nuestra", "nuestros", "nuestras"}
)


def _own(phrase: Any, best: TokMention) -> bool:
    """An unnamed role noun with a possessive pronoun ("its troops", "sus soldados") belongs to
    the source; it is not the event's target."""
    code = best.mention.code or ""
    return code.startswith("---") and any(
        g.dep_ in ("poss", "nmod:poss", "det") and fold(g.text) in OWN_POSSESSIVES for g in phrase.children
    )


def _met_with(tok: Any) -> bool:
    """Does a meeting verb name whom it met ("se reunieron con el rector", "met with")?"""
    return any(_case(c) in ("con", "with") for c in tok.children)


def conditional_threat(tok: Any, code: str = "") -> bool:
    """Is the announced action at `tok` made conditional on someone else's behaviour ("will
    withdraw its force unless…", "bloquearán las rutas a menos que…")? Then it is a threat. A
    hostile action (CAMEO roots 15-20) is one on any condition: "the army will attack the town if
    the rebels refuse to leave" (`conflict_conditions`: if, si)."""
    words = THREAT_CONDITIONS | (CONFLICT_CONDITIONS if code[:2] in HOSTILE_ROOTS else frozenset())
    return any(
        c.dep_ == "advcl" and not c.left_edge.i <= tok.i <= c.right_edge.i and _opens_with(c, words)
        for h in (tok, tok.head)
        for c in h.children
    )


HOSTILE_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})


def _opens_with(clause: Any, words: frozenset[str]) -> bool:
    opening = fold(clause.doc[clause.left_edge.i : clause.left_edge.i + 4].text)
    return any(opening == w or opening.startswith(w + " ") for w in words)


def _protest(t: Trigger) -> bool:
    """A protest trigger (root 14), or one that is a protest when no armed party acts ("bloquear")."""
    return "14" in ((t.cameo or "")[:2], (t.unarmed or "")[:2])


def _on_light_verb(tok: Any, verb_trigger: Any) -> bool:
    """An event noun after "on" under a light verb: "went on strike", "went on hunger strike"
    (English puts the preposition between them; Spanish "entraron en huelga" hangs the noun on
    the verb itself)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "on" or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    t = verb_trigger(prep.head)
    return bool(t and t.light)


def _held_object(tok: Any) -> Any:
    """The noun phrase that holds an event noun as a verb's object: the noun itself, or the head
    it modifies ("aid deliveries", "mediation efforts") or, through "of"/"de", a container noun
    ("part of a military aid program", "parte del programa de ayuda")."""
    for _ in range(3):
        if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
            tok = tok.head
        elif tok.dep_ in ("nmod", "pobj") and fold(_nmod_head(tok).lemma_) in CONTAINERS:
            tok = _nmod_head(tok)
        else:
            break
    return tok


def _on_protest(verb: Any, protests: set[int]) -> bool:
    """Is a protest noun the object or the "contra"/"on" complement of this verb ("disparó contra
    una manifestación", "fired on a demonstration", "atacaron la marcha")?"""
    for c in verb.children:
        if c.dep_ in ("obj", "dobj") or (c.dep_ in ("obl", "prep", "nmod") and _case(c) in REPRESSED_CASES):
            if _pobj(c).i in protests:
                return True
    return False


def _protesters(m: Mention | None) -> bool:
    """Is this actor named by a protester noun ("los manifestantes", "demonstrators"; grammar.yaml
    `protesters`)?"""
    if m is None:
        return False
    words = fold(m.text).split()
    return any(w in PROTESTERS or (w.endswith("s") and w[:-1] in PROTESTERS) for w in words)


def _nmod_head(tok: Any) -> Any:
    """The noun a prepositional modifier hangs from (English "of" is a `prep` token between)."""
    return tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head


_PARTICIPLE_ENDINGS = ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas")


def _mistagged_participle(tok: Any) -> bool:
    """A Spanish participle the tagger called a noun, held by a verb of state ("los puertos
    permanecían bloqueados por los pesqueros")."""
    return (
        tok.pos_ == "NOUN"
        and fold(tok.text).endswith(_PARTICIPLE_ENDINGS)
        and tok.dep_ in ("obj", "xcomp")
        and tok.head.i != tok.i
        and fold(tok.head.lemma_) in STATE_VERBS
        and not any(c.dep_ == "det" for c in tok.children)
    )


def _state_participle(tok: Any) -> Any | None:
    """A participle in a state a verb of being puts it in: "estaba bloqueado", "quedó bloqueada",
    "permanecían bloqueados por los pesqueros". Like a passive, "por X" is its agent (and without
    one it is no passive). Returns the token holding the state verb (the participle itself for a
    copula, else its governor)."""
    if tok.pos_ == "NOUN" and _mistagged_participle(tok):
        pass  # "permanecían bloqueados": the tagger's noun
    elif tok.pos_ != "ADJ" or "Part" not in tok.morph.get("VerbForm") and not _infinitives(fold(tok.lemma_)):
        return None
    holder = None
    if any(c.dep_ == "cop" and fold(c.lemma_) in STATE_VERBS for c in tok.children):
        holder = tok
    elif tok.dep_ in ("obj", "xcomp") and tok.head.i != tok.i and fold(tok.head.lemma_) in STATE_VERBS:
        holder = tok.head
    if holder is None:
        return None
    # only with its agent: "está dispuesto a dialogar" is willing, not a passive
    return holder if any(_case(c) in AGENT_CASES for c in _around(tok, holder)) else None


def _around(tok: Any, holder: Any) -> list[Any]:
    """The dependents of a state participle and of the verb holding it (its agent may hang on
    either: "permanecían bloqueados ... por los pesqueros")."""
    return [*tok.children, *(c for c in holder.children if c.i != tok.i)] if holder is not tok else list(tok.children)


def _carried(tok: Any) -> bool:
    """A participle a carrier verb holds as its event ("mantienen *retenidas* a 24 personas")."""
    return (
        tok.pos_ == "ADJ"
        and tok.dep_ in ("obj", "xcomp", "obl", "advcl")
        and tok.head.i != tok.i
        and fold(tok.head.lemma_) in CARRIERS
    )


def _phrasal_in(verb: Any, words: frozenset[str]) -> bool:
    """Is the verb, alone or with its particle ("call off", "break up"), one of `words`?"""
    lemma = fold(verb.lemma_)
    particles = [c.lower_ for c in verb.children if c.dep_ in ("prt", "compound:prt")]
    return lemma in words or any(f"{lemma} {p}" in words for p in particles)


def _governor(tok: Any) -> Any:
    """The word a noun hangs from, past an English preposition ("an end *to* the strike")."""
    return tok.head.head if tok.head.dep_ == "prep" else tok.head


def _prevented(tok: Any) -> bool:
    """Is an event noun the object of a verb that keeps it from happening or breaks it up
    ("impidió la manifestación", "prevented the demonstration", "broke up the rally")?"""
    if tok.dep_ not in ("obj", "dobj") or tok.head.pos_ != "VERB":
        return False
    return _phrasal_in(tok.head, PREVENTS)


def _ender(tok: Any) -> Any | None:
    """The verb that ends an ended event noun (`_ended`): "puso" in "puso fin a la huelga",
    "finalizan" in "finalizan la huelga"; None when the noun is the subject ("la huelga concluyó")."""
    if tok.dep_ == "nsubj":
        return None
    head = _governor(tok)
    if fold(head.lemma_) in END_NOUNS and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _ended(tok: Any) -> bool:
    """Is an event noun what a verb of ending ends? "finalizan la huelga", "acabar con el bloqueo",
    "puso fin a la huelga", "desconvocaron el paro", "called off the strike" (a phrasal verb is
    its lemma and particle, "call off"); or the subject of such a verb with no object ("la
    manifestación de los reclusos concluyó", "the strike ended")."""
    if tok.dep_ in ("nsubj",) and tok.head.pos_ == "VERB" and fold(tok.head.lemma_) in ENDS:
        return not any(c.dep_ in ("obj", "dobj", "ccomp", "xcomp") for c in tok.head.children)
    if tok.dep_ not in ("obj", "dobj", "nsubj:pass", "obl", "nmod", "pobj"):
        return False
    head = _governor(tok)
    if fold(head.lemma_) in END_NOUNS and head.head.i != head.i:
        return fold(head.head.lemma_) in END_LIGHT  # "puso fin a la huelga", "put an end to"
    if any(c.dep_ in ("obj", "dobj", "compound") and fold(c.lemma_) in END_NOUNS for c in head.children):
        return fold(head.lemma_) in END_LIGHT  # the same, parsed with "a la huelga" on the verb
    return head.pos_ in ("VERB", "AUX") and _phrasal_in(head, ENDS)


def _after_article(tok: Any) -> bool:
    """A first-person singular verb right after an article, or an article and an adjective, is a
    noun the tagger misread: Spanish "deseo", "paro", "apoyo", "acuerdo", "reclamo" are both ("el
    firme deseo", "un nuevo paro"); "los primeros protestaban" is a verb."""
    if tok.morph.get("Person") != ["1"] or tok.morph.get("Number") != ["Sing"]:
        return False
    i = tok.i - 1
    if i >= 0 and tok.doc[i].pos_ == "ADJ":
        i -= 1
    return i >= 0 and tok.doc[i].pos_ == "DET" and "Art" in tok.doc[i].morph.get("PronType")


def _third_person_pronoun(tok: Any) -> bool:
    """he, she, it, they; él, ella, ellos, ellas."""
    return tok.pos_ == "PRON" and "Prs" in tok.morph.get("PronType") and "3" in tok.morph.get("Person")


def _dropped_agrees(tok: Any) -> bool:
    """A clause with no subject of its own whose verb can share its governor's subject: third
    person, same number ("dijo que enviará", not "dijo que enviarán" or "dijo que vamos")."""
    if any(c.dep_ in SUBJECT_DEPS for c in tok.children) or tok.pos_ not in ("VERB", "AUX"):
        return False
    person, number = tok.morph.get("Person"), tok.morph.get("Number")
    if not person and not number:
        aux = [c for c in tok.children if c.dep_ in ("aux", "cop")]
        person = [p for a in aux for p in a.morph.get("Person")]
        number = [n for a in aux for n in a.morph.get("Number")]
    if person != ["3"]:
        return False
    head_number = tok.head.morph.get("Number")
    return not head_number or head_number == number


def _background(tok: Any) -> bool:
    """A nominal event introduced by a preposition of grammar.yaml `background_cases`: a time
    anchor ("tras el ataque", "después de la reunión") or what another event is against ("contra
    la visita del Papa") -- mentioned, not reported."""
    words = {fold(c.text) for c in tok.children if c.dep_ in ("case", "mark", "advmod", "fixed")}
    if tok.dep_ in ("pobj", "nmod") and fold(_nmod_head(tok).lemma_) in ANCHOR_NOUNS:
        return True  # "on the eve of a visit", "en vísperas de la cumbre", "in the wake of the attack"
    return bool((words | {_case(tok)}) & BACKGROUND_CASES)


def _pobj(tok: Any) -> Any:
    """An English preposition's object ("for" -> "Thursday", the passive's "by" -> "Iraq"); any
    other token itself."""
    return next((c for c in tok.children if c.dep_ == "pobj"), tok) if tok.dep_ in ("prep", "agent") else tok


def _case(tok: Any) -> str:
    for c in tok.children:
        if c.dep_ in ("case", "mark") or (c.dep_ == "prep"):
            return fold(c.text)
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
        return fold(tok.head.text)
    if tok.dep_ in ("prep", "agent"):
        return fold(tok.text)
    return ""


def _instrument_subject(tok: Any) -> bool:
    """Is the verb's subject a weapon or a blast ("a car bomb killed", "un coche bomba mató",
    "la explosión dejó tres muertos")? Its words are read on the subject's head and on the nouns
    that name it with the head ("car bomb", "coche bomba")."""
    for c in tok.children:
        if c.dep_ not in SUBJECT_DEPS or c.pos_ not in ("NOUN", "PROPN"):
            continue
        words = {fold(c.lemma_), fold(c.text)}
        words |= {
            fold(g.lemma_)
            for g in c.children
            if g.dep_ in ("compound", "nmod", "appos", "flat") and not any(x.dep_ == "case" for x in g.children)
        }
        if words & INSTRUMENT_SUBJECTS:
            return True
    return False


def _measured(tok: Any) -> list[Any]:
    """What a quantity noun measures: its "of"/"de" complement when a number counts it ("700 kg
    of medicine", "mil toneladas de alimentos")."""
    if not any(c.dep_ == "nummod" or c.pos_ == "NUM" for c in tok.children):
        return []
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and fold(c.text) == "of":
            out += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "nmod" and _case(c) == "de":
            out.append(c)
    return out


# Violence against a person the knowledge base does not know ("ejecutaron a Wilson", "Oviedo de
# Jesús fue asesinado"): a private person, coded as a civilian victim (---CVL).
VICTIM_ROOTS = ("18", "19", "20")


def _named_victim(tok: Any, by_token: dict[int, TokMention], skip: set[int]) -> list[TokMention]:
    """The uncoded person a violent verb is done to (its object, or a passive's subject), now
    coded as a civilian; none when the object names no such person."""
    for c in tok.children:
        personal = c.dep_ in ("obj", "obl") and _case(c) in ("a", "al")  # "ejecutaron a Simón Eduardo"
        if not (personal or c.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass")) or c.i in skip:
            continue
        tm = by_token.get(c.i)
        if (
            tm is None
            and c.pos_ == "PROPN"
            and _case(c) in ("a", "al")
            and (base := _base(by_token, c.doc)) is not None
        ):
            # a name after the personal "a" the tagger did not call a person ("ejecutaron a Wilson")
            j = max([c.i, *(g.i for g in c.children if g.dep_.startswith("flat"))]) + 1
            span = c.doc[c.i : j]
            m = Mention(span.text, base + span.start_char, base + span.end_char, name=span.text, type="person")
            m.rule = "name"
            tm = TokMention(m, c.i, j, c.i, "ner")
        if tm is None or tm.kind != "ner" or tm.mention.type != "person" or tm.mention.code or tm.locative:
            continue
        m = tm.mention
        m.code, m.sector, m.rule = "---CVL", "CVL", f"{m.rule}+victim"
        return [tm]
    return []


def _base(by_token: dict[int, TokMention], doc: Any) -> int | None:
    """The offset of the sentence's document in the article, read off a mention already placed
    (mentions start where their first token does)."""
    for tm in by_token.values():
        if 0 <= tm.i < len(doc) and tm.mention.end > tm.mention.start and tm.mention.text.startswith(doc[tm.i].text):
            return tm.mention.start - doc[tm.i].idx
    return None


def _after_locative_word(tm: TokMention, sent: Any) -> bool:
    """Does a locative preposition ("en", "in") come right before the mention, whatever the
    parse ("... MANIFESTANTES EN LIMA")?"""
    k = tm.i - 1
    return k >= sent.start and fold(sent.doc[k].text) in LOCATIVE_WORDS


def _impersonal(tok: Any) -> bool:
    """A Spanish impersonal third person plural with no subject ("Detienen al hijo del capo",
    "Secuestran a un empresario"): like a passive, its agent is unnamed."""
    m = tok.morph
    return (
        tok.pos_ == "VERB"
        and tok.dep_ == "ROOT"
        and m.get("Person") == ["3"]
        and m.get("Number") == ["Plur"]
        and m.get("Mood") == ["Ind"]
        and not any(c.dep_ in SUBJECT_DEPS for c in tok.children)
    )


def _is_passive(tok: Any) -> bool:
    if any(c.dep_ in ("aux:pass", "auxpass", "nsubj:pass", "nsubjpass") for c in tok.children):
        return True
    return "Part" in tok.morph.get("VerbForm") and any(
        c.dep_ in ("aux", "cop") and fold(c.lemma_) in ("ser", "be") for c in tok.children
    )


# A clash (lexicon flag `clash`) is combat (the entry's code, 190) when an armed party takes part
# -- a military, rebels, an armed group, a state -- and otherwise unconventional violence (180):
# street clashes between demonstrators and police, or between rival supporters. An occupation
# (`unarmed=144`) is military (192) with an armed party, else a protest blockade ("los obreros
# ocuparon la carretera", "students occupied the square").
ARMED_SECTORS = ("MIL", "REB", "UAF", "INS", "SEP")


# Actors whose "protest" is an official complaint (lexicon flag `official=CODE`): states,
# governments, armies, international bodies, courts, media and NGOs -- not crowds, unions,
# students or the opposition, who demonstrate.
OFFICIAL_SECTORS = ("GOV", "MIL", "IGO", "JUD", "LEG", "MED", "NGO")


def _state_or_sector(m: Mention, sectors: tuple[str, ...]) -> bool:
    """A state itself (a country or its capital, coded with no sector) or an actor whose code
    carries one of the sectors ("COLREB", "RUSGOVMIL")."""
    code = m.code or ""
    return (m.type in ("country", "capital") and len(code) == 3) or any(
        code[k : k + 3] in sectors for k in range(0, len(code), 3)
    )


# Violence by a crowd -- demonstrators, strikers, students, residents, named by a role noun and
# not an armed or official party -- is a riot, CAMEO's violent protest (145): "los desocupados
# prendieron fuego a cuatro automóviles", "protesters attacked a police station".
CROWD_SECTORS = ("CVL", "LAB", "EDU", "AGR", "OPP", "HLH", "RAD")
RIOT_CODES = ("170", "171", "180", "190")
RIOT = "145"
# Force against a protest (its object or "contra"/"on" complement) is violent repression.
REPRESSION = "175"
REPRESSED_CASES = frozenset({"contra", "sobre", "on", "against", "at", "upon"})
# A crowd that gathers with no one to meet demonstrates (141), it does not hold a meeting (040).
MEET, GATHER = "040", "141"


def _crowd(m: Mention) -> bool:
    return (m.rule or "").startswith("agent") and m.type == "other" and (m.sector or "") in CROWD_SECTORS


def is_official(m: Mention) -> bool:
    """A state, or an actor of an official sector (government, army, international body, court,
    legislature, media, NGO)."""
    return _state_or_sector(m, OFFICIAL_SECTORS)


def _unarmed(parties: list[Mention] | list[Mention | None]) -> bool:
    """No armed party among these actors (an `unarmed=` trigger then takes its unarmed code)."""
    return not any(_armed(m) for m in parties if m is not None)


def _armed(m: Mention) -> bool:
    return m.type == "group" or _state_or_sector(m, ARMED_SECTORS)


def status_of(tok: Any, lang: LanguageData) -> str:
    """asserted | negated | intended | hypothetical, from the trigger and its governors."""
    chain = [tok]
    cur = tok
    while cur.dep_ == "conj" and cur.pos_ in ("NOUN", "PROPN") and cur.head.pos_ in ("NOUN", "PROPN"):
        # "anunciaron marchas y protestas": a conjunct noun shares the first one's status
        cur = cur.head
        chain.append(cur)
    for _ in range(3):
        if cur.dep_ in ("obj", "dobj", "obl", "xcomp", "nmod", "pobj", "prep") and cur.head.i != cur.i:
            cur = cur.head
            chain.append(cur)
        else:
            break
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in SUBJECTS and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
        # an event noun takes the status of the verb it is the subject of: "la protesta del
        # miércoles se iniciará", "se prevé una nueva manifestación" (intended)
        chain.append(tok.head)
    for t in chain:
        for c in t.children:
            if c.dep_ in ("advmod", "neg") and fold(c.text) in NEGATORS:
                return "negated"
            if c.dep_ in ("mark", "case") and fold(c.text) in WITHOUT and t.pos_ == "VERB":
                return "negated"  # "sin hacer rehenes": not done
        if t.dep_ == "pcomp" and fold(t.head.text) in WITHOUT:
            return "negated"  # "without firing a shot"
    for k, t in enumerate(chain):
        if t is not tok and fold(t.lemma_) in CONTINUATIONS:
            # "continuarán manifestando", "the strike will continue": going on, unless announced
            # ("anunció continuar las protestas")
            return "intended" if any(_intent_head(u) for u in chain[k + 1 :]) else "asserted"
        if t.dep_ == "advcl" and _opens_with(t, THREAT_CONDITIONS):
            return "hypothetical"  # "a menos que el gobierno retire la ley": a condition
        for c in t.children:
            if c.dep_ == "mark" and fold(c.text) in HYPOTHETICAL_MARKS:
                return "hypothetical"
            if c.dep_ == "aux" and fold(c.text) in MODAL_HYPOTHETICAL:
                return "hypothetical"
            if c.dep_ == "aux" and fold(c.lemma_) == "poder" and "Cnd" in c.morph.get("Mood"):
                return "hypothetical"
            if c.dep_ == "aux" and fold(c.text) in ("will", "'ll", "shall"):
                return "intended"
            if c.dep_ == "cop" and "Fut" in c.morph.get("Tense"):
                return "intended"  # "las siguientes medidas serán una huelga de hambre"
        if t is not tok and _intent_head(t):
            return "intended"
        if _set_for_a_time(t):
            return "intended"  # "convocaron una huelga para el jueves", "called a strike for Monday"
        if "Fut" in t.morph.get("Tense") and t.pos_ in ("VERB", "AUX") and _future_form(t):
            return "intended"
    # "una próxima reunión", "a planned summit", "una posible invasión"; a planned event a verb
    # says is under way is happening ("realizan la segunda jornada de huelga prevista hasta el
    # domingo")
    under_way = any(_under_way(t) for t in chain[1:])
    for c in tok.children:
        if c.dep_ == "amod" and fold(c.lemma_) in FUTURE_ADJECTIVES and not (under_way and _participle(c)):
            return "hypothetical" if fold(c.lemma_) in POSSIBLE_ADJECTIVES else "intended"
        if c.dep_ in ("acl", "amod") and _participle(c) and _set_for_a_time(c):
            return "intended"  # "la huelga programada para el jueves"
    # "va a reunirse"
    if tok.dep_ in ("xcomp",) and fold(tok.head.lemma_) == "ir":
        return "intended"
    return "asserted"


_FUTURE_ENDINGS = ("re", "ras", "ra", "remos", "reis", "ran")


WITHOUT = frozenset({"sin", "without"})


def _future_form(t: Any) -> bool:
    """Is a verb the tagger calls future written as one? Spanish futures end in -ré, -rá, -rán…
    ("hoy iniciamos la huelga" is present, whatever the tagger says)."""
    return fold(t.text).endswith(_FUTURE_ENDINGS)


def _toll_of(tok: Any, protest_nouns: set[int]) -> int | None:
    """Is a casualty noun the toll a protest left ("protestas populares que dejaron dos muertos",
    "la protesta dejó 47 muertos")? Its verb's subject is the protest, or the relative pronoun of
    a clause on it."""
    verb = tok.head
    if tok.dep_ not in ("obj", "dobj") or verb.pos_ not in ("VERB", "AUX"):
        return None
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            if c.i in protest_nouns:
                return c.i
            if _relative_pronoun(c) and verb.dep_ in RELATIVE_CLAUSES and verb.head.i in protest_nouns:
                return verb.head.i
    return None


def _under_way(t: Any) -> bool:
    """A verb in the present or past indicative (not future, not conditional): what it holds is
    being done or was done."""
    m = t.morph
    return t.pos_ == "VERB" and m.get("Mood") == ["Ind"] and bool(set(m.get("Tense")) & {"Pres", "Past", "Imp"})


def _set_for_a_time(t: Any) -> bool:
    """Does a complement set it for a time not yet come ("para el jueves", "for Monday")?"""
    return any(_case(c) in FUTURE_CASES and fold(_pobj(c).lemma_) in FUTURE_TIMES for c in t.children)


def _intent_head(t: Any) -> bool:
    """A governor that makes its complement intended, also as a participle the tagger lemmatized
    as itself ("están anunciadas varias movilizaciones", "anunciado" -> anunciar)."""
    lemma = fold(t.lemma_)
    return lemma in INTENT_HEADS or (t.pos_ in ("ADJ", "VERB") and any(i in INTENT_HEADS for i in _infinitives(lemma)))


def attribution_of(tok: Any, lang: LanguageData) -> Attribution | None:
    """'según diversas fuentes' (hedged), 'según la agencia KCNA' (named), rumour conditional."""
    sent = tok.sent
    for t in sent:
        if fold(t.text) in ("segun",) or (
            fold(t.text) == "according" and t.i + 1 < len(t.doc) and fold(t.doc[t.i + 1].text) == "to"
        ):
            phrase_head = t.head if t.head.i != t.i else None
            if phrase_head is None:
                continue
            span = t.doc[t.i : phrase_head.right_edge.i + 1]
            hedged = any(fold(span.text).split(" ", 1)[-1].startswith(h) or h in fold(span.text) for h in lang.hedges)
            return Attribution(span.text, None, hedged)
    for c in tok.children:
        if c.dep_ == "aux" and fold(c.text).startswith("habr") and "Cnd" in c.morph.get("Mood"):
            return Attribution(None, None, True)
    for t in sent:
        if fold(t.text) in lang.hedges and t.pos_ == "ADV":
            return Attribution(t.text, None, True)
    return None
