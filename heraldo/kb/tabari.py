"""Read TABARI/PETRARCH actor and agent dictionaries and write them in heraldo's own format.

The TABARI actor format (PETRARCH reads the same files):

    VLADIMIR_PUTIN_  # a comment            primary name; words joined by "_"
    +PUTIN_                                 another name of the same actor
    \t[RUSGOV 991231-080507]                 code in force between two dates (YYMMDD or YYYYMMDD)
    \t[RUSGOV >080508]                       code in force after a date ("<" before)
    \t[RUSELI]                               the code when no dated code applies
    RUSSIA_ [RUS]                           primary name with its code on the same line

A primary name without a code joins the next entry that has one (PETRARCH does the same).
Two-digit years 00-30 are 20YY, others 19YY (the KEDS/TABARI rule). Interval ends are
exclusive in heraldo (a role ends the day its successor starts).

Agent dictionaries: ``NOUN_ [~GOV]`` lines, with ``{PLURAL}`` and ``!MARKER!`` substitutions
defined as ``!MARKER! = A, B, C``.

heraldo's imported-actor file is tab-separated, one actor per line, so it can be reviewed and
edited in any spreadsheet::

    # id  type  code  roles  names  short
    up-es:carlos-saul-menem  person  ARGELI  ARGGOV 1989-07-08..1999-12-10  Carlos Saul Menem;...  Menem

`roles` are ``CODE START..END`` separated by ``;`` (either date may be empty); `names` are
matched in full, `short` (one-word aliases of people) only after a full name appeared in the
same article. Imported agents are written as ``noun<TAB>sector`` lines like ``lang/*/agents.tsv``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

NON_STATE_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "NGM", "UIS")
GROUP_SECTORS = ("REB", "INS", "IMG", "UAF", "SEP", "CRM", "RAD")
# Words kept lower-case when an all-caps dictionary name is turned into a display name.
PARTICLES = frozenset("de del la las los el y e of the and al bin ibn van von der den da do dos du le les di".split())


class DictionaryError(ValueError):
    pass


@dataclass
class ImportedActor:
    names: list[str] = field(default_factory=list)  # display names, first is the primary
    default: str | None = None
    roles: list[tuple[str, date | None, date | None]] = field(default_factory=list)
    line: int = 0

    @property
    def type(self) -> str:
        """person: dated codes and a personal name; dated codes also mark states and bodies
        whose code changed over time (REPUBLIC_OF_KOSOVO, KOSOVO_ASSEMBLY), told apart by their
        names."""
        if self.roles and not any(_institutional(n) for n in self.names[:1]):
            return "person"
        codes = [c for c, _s, _e in self.roles] + ([self.default] if self.default else [])
        return code_type(codes[-1] if codes else "")


# Words that make a dated entry a state or a body, not a person (English and Spanish).
INSTITUTION_WORDS = frozenset(
    """republic republica kingdom reino state states estado estados federation federacion union
    union assembly asamblea parliament parlamento congress congreso senate senado government
    gobierno ministry ministerio council consejo party partido army ejercito front frente forces
    fuerzas police policia court tribunal commission comision committee comite agency
    agencia authority autoridad administration administracion democratic democratica people's
    popular movement movimiento organization organizacion organisation office oficina
    secretariat secretaria cabinet gabinete regime regimen province provincia territory
    territorio""".split()
)


def _institutional(name: str) -> bool:
    words = {unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode().lower() for w in name.split()}
    return bool(words & INSTITUTION_WORDS)


def code_type(code: str) -> str:
    if code.startswith(NON_STATE_PREFIXES):
        return "group" if code.startswith("IMG") else "organization"
    if len(code) == 3:
        return "country"
    sector = code[3:6]
    if sector in GROUP_SECTORS:
        return "group"
    if sector == "MED":
        return "media"
    return "organization"


def parse_date(text: str) -> date:
    """YYMMDD (00-30 -> 20YY) or YYYYMMDD, as PETRARCH reads them."""
    digits = text.strip()
    if not digits.isdigit():
        raise DictionaryError(f"not a date: {text!r}")
    try:
        if len(digits) <= 7:
            yy = int(digits[:2])
            return date((2000 if yy <= 30 else 1900) + yy, int(digits[2:4]), int(digits[4:6]))
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError as exc:
        raise DictionaryError(f"not a date: {text!r} ({exc})") from None


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].split(";", 1)[0] if not line.startswith("#") else ""


def display_name(phrase: str) -> str:
    """``VLADIMIR_V._PUTIN_`` -> ``Vladimir V. Putin``; short all-caps names stay acronyms."""
    words = [w for w in re.split(r"[_\s]+", phrase.strip()) if w]
    if len(words) == 1 and len(re.sub(r"[^A-Za-z]", "", words[0])) <= 4 and words[0].isupper():
        return words[0]
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i > 0 and lw in PARTICLES:
            out.append(lw)
        elif "." in w or not any(c in "AEIOUYÁÉÍÓÚaeiouyáéíóú" for c in w):
            out.append(w)  # initials and acronyms: U.N., V., FMLN
        elif w.isupper() or w.islower():
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
        else:
            out.append(w)
    return " ".join(out)


def read_actors(lines: Iterable[str], warnings: list[str] | None = None) -> Iterator[ImportedActor]:
    """Actors of a TABARI actor dictionary, in file order. A date restriction that cannot be
    read is skipped, as PETRARCH does, and described in `warnings`."""
    current: ImportedActor | None = None
    pending: list[str] = []  # names of an entry that got no code: they join the next entry

    def finish() -> Iterator[ImportedActor]:
        nonlocal current, pending
        if current is not None and (current.default or current.roles):
            yield current
        elif current is not None:
            pending = current.names
        current = None

    for no, raw in enumerate(lines, 1):
        line = raw.rstrip("\n\r")
        if "---STOP---" in line:
            break
        if not line.strip() or line.lstrip().startswith(("#", "<")):
            continue
        if line[0] in "\t " and "[" in line and not line.lstrip().startswith("+"):
            if current is None:
                continue
            try:
                code, start, end = _restriction(line, no)
            except DictionaryError as exc:
                if warnings is not None:
                    warnings.append(f"{exc}; skipped")
                continue
            if start is None and end is None:
                current.default = code
            else:
                current.roles.append((code, start, end))
            continue
        text = _strip_comment(line).strip()
        if not text:
            continue
        if text.startswith("+"):
            name = text[1:].split("[", 1)[0].strip()
            if current is not None and name and "]" not in name:
                current.names.append(display_name(name))
            continue
        yield from finish()
        name, _, code = text.partition("[")
        current = ImportedActor(names=[*pending, display_name(name)] if name.strip() else list(pending), line=no)
        pending = []
        code = code.split("]", 1)[0].strip()
        if code:
            current.default = code.split()[0].split("/")[0]
    yield from finish()


def _restriction(line: str, no: int) -> tuple[str, date | None, date | None]:
    body = line[line.index("[") + 1 :].split("]", 1)[0].strip()
    code, _, rest = body.partition(" ")
    code = code.split("/")[0]
    rest = rest.strip()
    try:
        if not rest:
            return code, None, None
        if rest[0] in "<>":
            when = parse_date(rest[1:].strip())
            return (code, None, when) if rest[0] == "<" else (code, when, None)
        a, sep, b = rest.partition("-")
        if not sep:
            return code, parse_date(a), None
        start, end = parse_date(a), parse_date(b)
        if end < start:
            raise DictionaryError(f"end before start: {rest!r}")
        return code, start, end + timedelta(days=1) if end == start else end
    except DictionaryError as exc:
        raise DictionaryError(f"line {no}: {exc}") from None


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"


def actor_rows(actors: Iterable[ImportedActor], prefix: str) -> Iterator[list[str]]:
    """Rows of heraldo's imported-actor TSV (ids unique within one import)."""
    used: dict[str, int] = {}
    for a in actors:
        names, short = [], []
        for n in dict.fromkeys(a.names):
            if a.type == "person" and len(n.split()) == 1:
                short.append(n)
            else:
                names.append(n)
        if not names:
            if not short:
                continue
            names, short = short[:1], short[1:]
        slug = _slug(names[0])
        used[slug] = used.get(slug, 0) + 1
        kb_id = f"{prefix}:{slug}" + (f"-{used[slug]}" if used[slug] > 1 else "")
        roles = "; ".join(
            f"{code} {s.isoformat() if s else ''}..{e.isoformat() if e else ''}"
            for code, s, e in sorted(a.roles, key=lambda r: (r[1] or date.min, r[2] or date.max))
        )
        yield [kb_id, a.type, a.default or "", roles, ";".join(names), ";".join(short)]


def read_agents(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(noun phrase in lower case, sector) pairs of a TABARI agent dictionary."""
    markers: dict[str, list[str]] = {}
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r"!(\w+)!\s*[_ ]*=[_ ]*(.+)$", line)
        if m:
            markers[m.group(1)] = [w.strip(" _") for w in m.group(2).split(",") if w.strip(" _")]
            continue
        if "[" not in line:
            continue
        phrase, _, code = line.partition("[")
        code = code.split("]", 1)[0].strip().lstrip("~")
        if not code or not code.isalpha():
            continue
        phrase = _strip_comment(phrase).strip()
        plural = None
        if "{" in phrase and "}" in phrase:
            plural = phrase[phrase.index("{") + 1 : phrase.index("}")].strip()
            phrase = phrase[: phrase.index("{")].strip()
        forms = [phrase] + ([plural] if plural else [])
        for form in forms:
            mk = re.search(r"!(\w+)!", form)
            expanded = [form.replace(mk.group(0), s) for s in markers.get(mk.group(1), [])] if mk else [form]
            for f in expanded:
                words = " ".join(w for w in re.split(r"[_\s]+", f) if w).lower()
                if words:
                    yield words, code[:3]


def write_actor_tsv(rows: Iterable[list[str]], out: Path, sources: list[str]) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# heraldo imported actors (heraldo kb import) from: " + ", ".join(sources) + "\n")
        fh.write("# id\ttype\tcode\troles\tnames\tshort\n")
        for row in rows:
            fh.write("\t".join(c.replace("\t", " ") for c in row) + "\n")
            n += 1
    return n


def parse_roles(text: str) -> list[tuple[str, date | None, date | None]]:
    """The `roles` column back into (code, start, end)."""
    out = []
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        code, _, span = part.partition(" ")
        a, _, b = span.strip().partition("..")
        out.append((code, date.fromisoformat(a) if a else None, date.fromisoformat(b) if b else None))
    return out


def _same_actor(a: ImportedActor, a_file: int, b: ImportedActor, b_file: int) -> bool:
    """Are two dictionary entries that share a name one actor?"""
    if sorted(b.roles, key=str) == sorted(a.roles, key=str) and b.default == a.default:
        return True  # the same entry copied into another file
    # one person in two dictionaries, each knowing some of their offices (a full name shared)
    full = {_slug(n) for n in a.names if len(n.split()) > 1}
    return a.type == b.type == "person" and a_file != b_file and bool(full & {_slug(n) for n in b.names})


def import_actors(
    paths: Iterable[Path],
    types: frozenset[str] | None = None,
    warnings: list[str] | None = None,
    until: date | None = None,
) -> list[ImportedActor]:
    """Actors of several dictionaries, keeping only `types` (None = all). The same person in two
    files (a shared name and the same dated codes, as in the Spanish translation of the Phoenix
    dictionary) becomes one actor with the names of both. `until` ends every open-ended dated
    role on that day: a dictionary written in 2014 does not know who left office since."""
    out: list[ImportedActor] = []
    by_name: dict[str, list[ImportedActor]] = {}
    files: list[list[ImportedActor]] = []
    for path in paths:
        notes: list[str] = []
        with open(path, encoding="utf-8", errors="replace") as fh:
            files.append(list(read_actors(fh, notes)))
        if warnings is not None:
            warnings.extend(f"{path}: {n}" for n in notes)
    # A name the dictionaries also give an undated country or organisation is not a person's
    # name, even when PETRARCH's grouping rule files it under one (a run of code-less UN
    # names before the entry of a Secretary-General).
    undated = {_slug(n) for actors in files for a in actors if not a.roles for n in a.names}
    origin: dict[int, int] = {}  # id(actor) -> index of its file
    for fi, actors in enumerate(files):
        for a in actors:
            if a.type == "person":
                a.names = [n for n in a.names if _slug(n) not in undated] or a.names[-1:]
            if types is not None and a.type not in types:  # after the names: they decide the type
                continue
            if until is not None:
                a.roles = [(c, s, until if e is None and (s is None or s < until) else e) for c, s, e in a.roles]
            keys = list(dict.fromkeys(_slug(n) for n in a.names))  # in order: the result is reproducible
            same = next((b for k in keys for b in by_name.get(k, ()) if _same_actor(a, fi, b, origin[id(b)])), None)
            if same is not None:
                same.names.extend(n for n in a.names if n not in same.names)
                same.roles.extend(r for r in a.roles if r not in same.roles)
                same.default = same.default or a.default
                target = same
            else:
                out.append(a)
                origin[id(a)] = fi
                target = a
            for k in keys:
                by_name.setdefault(k, []).append(target)
    return out
