"""Per-language knowledge as reviewable data files (``lang/<code>/*.tsv``) and one reader.

Adding a language means adding a folder with the same files; no code path changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from heraldo.kb import extra_files as kb_extra_files
from heraldo.textutil import fold

SUPPORTED = ("es", "en")


def _rows(lang: str, name: str) -> list[list[str]]:
    path = resources.files("heraldo.lang") / lang / name
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


@dataclass(frozen=True)
class Trigger:
    lemma: str  # folded; multiword nouns keep their space: "ayuda humanitaria"
    pos: str  # VERB | NOUN
    cameo: str | None
    light: bool = False
    governed: bool = False
    refl: bool = False
    intrans: bool = False
    # the code when no armed party takes part (flags `clash` = 180, `unarmed=CODE`): combat or an
    # occupation only with a military, rebels, an armed group or a state (events/__init__.py)
    unarmed: str | None = None
    # the code when an official actor is the source (flag `official=CODE`): a government that
    # "protests" complains officially (114); people who protest demonstrate (14)
    official: str | None = None
    clash: bool = False  # for `unarmed`, either side may be the armed party (else only the agent)
    # the PLOVER type (and mode) of the entry's code when it differs from the code's (flag
    # `plover=TYPE:mode`): CAMEO 173 is "arrest, detain, or charge with legal action", one code
    # for two PLOVER types: an arrest is COERCE, an indictment ACCUSE ("allege"), a conviction SANCTION
    plover: tuple[str, str] | None = None
    # flag `personal`: an event only when its object is a person, with Spanish's personal "a"
    # ("eliminar a un dirigente" kills; "eliminar trabas comerciales" removes them)
    personal: bool = False
    # flag `patient`: a noun whose "de"/"of" complement is what the event is done to ("la
    # detención de los dirigentes", "el asesinato del alcalde"), its target, not its agent
    patient: bool = False


@dataclass
class LanguageData:
    code: str
    triggers: dict[tuple[str, str, str], Trigger] = field(default_factory=dict)  # (lemma, pos, variant)
    demonyms: dict[str, str] = field(default_factory=dict)  # folded form -> country
    agents: dict[str, str] = field(default_factory=dict)  # folded lemma(s) -> sector
    speech_verbs: frozenset[str] = frozenset()  # cues of direct and reported speech
    quote_cues: frozenset[str] = frozenset()  # those and the cues of direct quotes only ("continued", "joked")
    # (lemma, complement, subject class) -> share of PolNeAR attributions (stance.tsv; quotes/)
    stance: dict[tuple[str, str, str], float] = field(default_factory=dict)
    hedges: tuple[str, ...] = ()
    implicit_source_roots: frozenset[str] = frozenset()  # CAMEO roots whose verbs may have no coded agent
    implied_target_roots: frozenset[str] = frozenset()  # CAMEO roots whose events with no target address the state
    idiom_objects: dict[str, frozenset[str]] = field(default_factory=dict)  # verb -> objects that make it no event
    # verb -> object lemma -> the code the verb takes with that object ("expelled two diplomats" 161)
    object_codes: dict[str, dict[str, str]] = field(default_factory=dict)
    regular_endings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # infinitive ending -> form endings
    verb_forms: dict[str, str] = field(default_factory=dict)  # folded regular form -> the one lexicon verb
    acronyms: set[str] = field(default_factory=set)  # folded demonyms written in capitals ("us" for "US")

    def demonym(self, text: str) -> str | None:
        """The country a word names as a demonym ("Russian", "rusos", "US"); an acronym only in
        capitals: "US troops" is American, "told us" is not."""
        key = fold(text)
        if key in self.acronyms and not text.isupper():
            return None
        return self.demonyms.get(key)

    def regular_forms(self, lemma: str) -> list[str]:
        """The infinitive `lemma` (folded) and its regular forms; [] for what is no infinitive."""
        lemma = fold(lemma)
        endings = self.regular_endings.get(lemma[-2:])
        return [] if endings is None else [lemma, *(lemma[:-2] + e for e in endings)]

    def regular_form(self, lemma: str, form: str) -> bool:
        """Is `lemma` an infinitive and `form` one of its regular forms (or the infinitive itself)?"""
        return fold(form) in self.regular_forms(lemma)

    def trigger(self, lemma: str, pos: str, reflexive: bool = False, intransitive: bool = False) -> Trigger | None:
        """The entry for a lemma: its reflexive variant when the verb has "se", else its
        intransitive variant when it has no object or clause, else the plain entry."""
        key = fold(lemma)
        for variant, wanted in (("refl", reflexive), ("intrans", intransitive)):
            if wanted and (t := self.triggers.get((key, pos, variant))):
                return t
        return self.triggers.get((key, pos, ""))


def _spanish_forms(word: str) -> list[str]:
    """Gender and number forms of a Spanish demonym: ruso -> rusa, rusos, rusas."""
    w = word
    if w.endswith("o"):
        return [w, w[:-1] + "a", w + "s", w[:-1] + "as"]
    if w.endswith(("és", "án")):
        base = fold(w)  # francés -> frances
        return [w, base + "a", base + "es", base + "as"]
    if w.endswith(("í", "ú")):
        return [w, w + "es", w + "s"]
    if w.endswith("e") or w.endswith("a"):
        return [w, w + "s"]
    if w.endswith(("l", "n", "r")):
        return [w, w + "a", w + "es", w + "as"]
    return [w, w + "s"]


@cache
def _grammar_file(code: str) -> dict[str, Any]:
    """One language's ``lang/<code>/grammar.yaml``, as written."""
    data: dict[str, Any] = yaml.safe_load(
        (resources.files("heraldo.lang") / code / "grammar.yaml").read_text(encoding="utf-8")
    )
    return data


@cache
def grammar() -> dict[str, Any]:
    """Function-word lists of every language, merged (``lang/<code>/grammar.yaml``).

    The stages read one merged set per list: a Spanish preposition never occurs in English text
    and the reverse, so a language is added by adding its file. Words are accent-folded.
    """
    merged: dict[str, Any] = {}
    for code in SUPPORTED:
        for key, value in _grammar_file(code).items():
            if isinstance(value, dict):
                merged.setdefault(key, {}).update({fold(k): v for k, v in value.items()})
            else:
                merged[key] = merged.get(key, frozenset()) | {fold(str(v)) for v in value or []}
    return merged


def _flag_value(flags: set[str], name: str) -> str | None:
    """The value of a `name=VALUE` lexicon flag ("unarmed=144"), or None."""
    return next((f.split("=", 1)[1] for f in flags if f.startswith(name + "=")), None)


def _unarmed(flags: set[str]) -> str | None:
    if "clash" in flags:
        return "180"  # "choques entre manifestantes y policías": unconventional violence
    return _flag_value(flags, "unarmed")


def _plover(flags: set[str]) -> tuple[str, str] | None:
    value = _flag_value(flags, "plover")
    if not value:
        return None
    kind, _, mode = value.partition(":")
    return kind, mode


@cache
def language(code: str) -> LanguageData:
    """Load the data files of one language (cached for the process)."""
    if code not in SUPPORTED:
        raise ValueError(f"unsupported language {code!r}; heraldo has data for {', '.join(SUPPORTED)}")
    data = LanguageData(code=code)
    # The curated file first; an imported dictionary (if the language has one) only adds lemmas
    # the curated file does not list.
    for name in ("events.tsv", "events_imported.tsv"):
        if not (resources.files("heraldo.lang") / code / name).is_file():
            continue
        for row in _rows(code, name):
            lemma, pos = row[0], row[1]
            cameo = row[2] if len(row) > 2 and row[2] else None
            flags = set(row[3].split(",")) if len(row) > 3 and row[3] else set()
            t = Trigger(
                fold(lemma),
                pos,
                cameo,
                "light" in flags,
                "governed" in flags,
                "refl" in flags,
                "intrans" in flags,
                _unarmed(flags),
                _flag_value(flags, "official"),
                "clash" in flags,
                _plover(flags),
                "personal" in flags,
                "patient" in flags,
            )
            # A verb may be a reflexive event ("manifestarse"), an intransitive one ("manifestaron
            # contra…") and a light verb ("manifestar su apoyo"): the key includes the variant.
            data.triggers.setdefault((t.lemma, pos, "refl" if t.refl else "intrans" if t.intrans else ""), t)
    for row in _rows(code, "demonyms.tsv"):
        country = row[0]
        for word in row[1].split(","):
            if word.isupper():  # "US", "U.S.", "EE.UU.": no plural, and only in capitals
                data.acronyms.add(fold(word))
                data.demonyms.setdefault(fold(word), country)
                continue
            forms = _spanish_forms(word) if code == "es" else [word, word + "s"]
            for f in forms:
                data.demonyms.setdefault(fold(f), country)
    for row in _rows(code, "agents.tsv"):
        data.agents.setdefault(fold(row[0]), row[1])
        if code == "es" and " " not in row[0]:
            # the lemmatizer leaves feminine forms alone: campesina(s), trabajadora(s)
            w = fold(row[0])
            for fem in [w[:-1] + "a"] if w.endswith("o") else [w + "a"] if w.endswith("or") else []:
                data.agents.setdefault(fem, row[1])
                data.agents.setdefault(fem + "s", row[1])
    for path in kb_extra_files():
        # agent nouns imported with `heraldo kb import --agents --lang CODE` add to the curated ones
        with open(path, encoding="utf-8") as fh:
            header = fh.readline()
            if not header.startswith("# heraldo imported agents") or f"lang={code} " not in header + " ":
                continue
            for line in fh:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 2 and not line.startswith("#"):
                    data.agents.setdefault(fold(cols[0]), cols[1])
    speech = _rows(code, "speech.tsv")
    data.speech_verbs = frozenset(fold(r[0]) for r in speech if r[1:2] != ["direct"])
    data.quote_cues = frozenset(fold(r[0]) for r in speech)
    data.hedges = tuple(fold(r[0]) for r in _rows(code, "hedges.tsv"))
    if (resources.files("heraldo.lang") / code / "stance.tsv").is_file():
        data.stance = {(fold(r[0]), r[1], r[2]): int(r[4]) / int(r[3]) for r in _rows(code, "stance.tsv")}
    grammar = _grammar_file(code)
    data.implicit_source_roots = frozenset(str(r) for r in grammar.get("implicit_source_roots", []))
    data.implied_target_roots = frozenset(str(r) for r in grammar.get("implied_target_roots", []))
    data.idiom_objects = {
        fold(verb): frozenset(fold(o) for o in objects)
        for verb, objects in (grammar.get("idiom_objects") or {}).items()
    }
    data.object_codes = {
        fold(verb): {fold(o): str(c) for c, objects in codes.items() for o in objects}
        for verb, codes in (grammar.get("object_codes") or {}).items()
    }
    data.regular_endings = {
        fold(inf): tuple(fold(e) for e in endings) for inf, endings in (grammar.get("regular_endings") or {}).items()
    }
    owners: dict[str, set[str]] = {}
    for lemma, pos, _variant in data.triggers:
        for form in data.regular_forms(lemma)[1:] if pos == "VERB" else ():
            owners.setdefault(form, set()).add(lemma)
    data.verb_forms = {form: next(iter(lemmas)) for form, lemmas in owners.items() if len(lemmas) == 1}
    return data
