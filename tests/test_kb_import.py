"""`heraldo kb import`: TABARI/PETRARCH dictionaries into heraldo's knowledge-base format, with
their date restrictions honoured when an article is coded."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from heraldo import kb
from heraldo.kb import tabari

ACTORS = """\
# a comment line
GONDOR_ [GON]
+MINAS_TIRITH_
ARAGORN_  # a comment after the name
+ELESSAR_
+KING_ELESSAR_TELCONTAR_
\t[GONELI 950101-010601]
\t[GONGOV >010601]
\t[GONREB <950101]
BOROMIR_
\t[GONMIL 19900101-20020101]
STEWARDS_OF_GONDOR_
STEWARD_DENETHOR_
\t[GONGOV 900101-010601]
\t[GONELI]
WHITE_COUNCIL_ [IGOWIZ]
ORC_ARMY_ [MORREB]
BROKEN_DATES_
\t[GONGOV 20121207-20120802]
\t[GONMIL]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
RANGER_ [~MIL]
HOBBIT_ {HOBBITSES} [~CVL]
FISHER!PERSON! [~AGR]
"""


def _actors(text: str, warnings: list[str] | None = None) -> dict[str, tabari.ImportedActor]:
    return {a.names[0]: a for a in tabari.read_actors(text.splitlines(True), warnings)}


def test_reads_codes_names_and_date_restrictions():
    warnings: list[str] = []
    actors = _actors(ACTORS, warnings)
    assert actors["Gondor"].default == "GON" and actors["Gondor"].names == ["Gondor", "Minas Tirith"]
    aragorn = actors["Aragorn"]
    assert aragorn.names == ["Aragorn", "Elessar", "King Elessar Telcontar"]
    assert aragorn.type == "person" and aragorn.default is None
    # YYMMDD: 00-30 are 20YY, others 19YY; ">" after, "<" before
    assert aragorn.roles == [
        ("GONELI", date(1995, 1, 1), date(2001, 6, 1)),
        ("GONGOV", date(2001, 6, 1), None),
        ("GONREB", None, date(1995, 1, 1)),
    ]
    assert actors["Boromir"].roles == [("GONMIL", date(1990, 1, 1), date(2002, 1, 1))]
    # a primary name without a code joins the next entry (PETRARCH's rule)
    assert actors["Stewards of Gondor"].names == ["Stewards of Gondor", "Steward Denethor"]
    assert actors["Stewards of Gondor"].default == "GONELI"
    assert actors["White Council"].type == "organization" and actors["Orc Army"].type == "group"
    # an interval that ends before it starts is skipped with a warning, the entry survives
    assert actors["Broken Dates"].roles == [] and actors["Broken Dates"].default == "GONMIL"
    assert len(warnings) == 1 and "end before start" in warnings[0]


def test_dated_states_and_bodies_are_not_people():
    text = "REPUBLIC_OF_GONDOR_\n\t[ARNGON <20000101]\n\t[GON >20000101]\nGONDOR_ASSEMBLY_\n\t[GONLEG >20000101]\n"
    types = {a.names[0]: a.type for a in tabari.read_actors(text.splitlines(True))}
    assert types == {"Republic of Gondor": "country", "Gondor Assembly": "organization"}


@pytest.mark.parametrize(
    "text, expected",
    [("991231", date(1999, 12, 31)), ("300101", date(2030, 1, 1)), ("310101", date(1931, 1, 1))]
    + [("20040309", date(2004, 3, 9))],
)
def test_dates_follow_the_tabari_rule(text, expected):
    assert tabari.parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "2004x309", "20041309", "991331"])
def test_bad_dates_are_refused(text):
    with pytest.raises(tabari.DictionaryError):
        tabari.parse_date(text)


@pytest.mark.parametrize(
    "phrase, name",
    [
        ("VLADIMIR_V._PUTIN_", "Vladimir V. Putin"),
        ("ORGANIZACION_DE_LAS_NACIONES_UNIDAS_", "Organizacion de las Naciones Unidas"),
        ("FARC", "FARC"),
        ("BAN_KI-MOON", "Ban Ki-Moon"),
        ("FMLN_REBELS", "FMLN Rebels"),
    ],
)
def test_display_names(phrase, name):
    assert tabari.display_name(phrase) == name


def test_agents_expand_markers_and_plurals():
    pairs = list(tabari.read_agents(AGENTS.splitlines()))
    assert ("ranger", "MIL") in pairs
    assert ("hobbit", "CVL") in pairs and ("hobbitses", "CVL") in pairs
    assert {("fisherman", "AGR"), ("fisherwomen", "AGR")} <= set(pairs)


def test_people_keep_full_names_and_surnames_become_short_names():
    rows = list(tabari.actor_rows(tabari.read_actors(ACTORS.splitlines(True)), "lotr"))
    by_id = {r[0]: r for r in rows}
    kb_id, typ, code, roles, names, short = by_id["lotr:king-elessar-telcontar"]
    assert typ == "person" and names == "King Elessar Telcontar"
    assert short == "Aragorn;Elessar"  # one-word names only after the full name appeared
    assert tabari.parse_roles(roles) == [  # in date order
        ("GONREB", None, date(1995, 1, 1)),
        ("GONELI", date(1995, 1, 1), date(2001, 6, 1)),
        ("GONGOV", date(2001, 6, 1), None),
    ]


def test_imported_entries_use_their_dates_and_defaults(tmp_path):
    src = tmp_path / "lotr.actors.txt"
    src.write_text(ACTORS, encoding="utf-8")
    out = tmp_path / "lotr.tsv"
    rows = tabari.actor_rows(tabari.import_actors([src]), "lotr")
    tabari.write_actor_tsv(rows, out, [src.name])
    entries = {n.entry.name: n.entry for n in kb.read_imported(out.read_text(encoding="utf-8"))}
    steward = entries["Stewards of Gondor"]
    assert steward.code_on(date(1995, 1, 1))[0] == "GONGOV"
    assert steward.code_on(date(2005, 1, 1))[0] == "GONELI"  # out of office: the default code
    assert entries["White Council"].code_on(None) == ("IGOWIZ", None, "IGO")
    boromir = entries["Boromir"]
    assert boromir.code_on(date(2003, 1, 1)) == ("GON", "GON", None)  # no default: the country


def test_until_ends_open_roles(tmp_path):
    src = tmp_path / "lotr.actors.txt"
    src.write_text(ACTORS, encoding="utf-8")
    people = {a.names[0]: a for a in tabari.import_actors([src], until=date(2016, 1, 1))}
    assert ("GONGOV", date(2001, 6, 1), date(2016, 1, 1)) in people["Aragorn"].roles
    assert ("GONELI", date(1995, 1, 1), date(2001, 6, 1)) in people["Aragorn"].roles  # closed roles unchanged


def test_the_same_person_in_two_dictionaries_is_one_entry(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("BAN_KI-MOON_\n\t[KORGOV 20040101-20061130]\n", encoding="utf-8")
    b.write_text("UN_ [IGOUNO]\nUN_\n+BAN_KI-MOON\n\t[IGOUNO >20070101]\n", encoding="utf-8")
    people = tabari.import_actors([a, b], frozenset({"person"}))
    assert len(people) == 1
    assert [r[0] for r in people[0].roles] == ["KORGOV", "IGOUNO"]
    assert "UN" not in people[0].names  # an organisation's name is not a person's alias


def _heraldo(*args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "heraldo", *args], input=stdin, capture_output=True, text=True, env=env, timeout=600
    )


def test_cli_import_then_code_with_the_imported_actors(tmp_path):
    src = tmp_path / "lotr.actors.txt"
    src.write_text(ACTORS, encoding="utf-8")
    agents = tmp_path / "lotr.agents.txt"
    agents.write_text(AGENTS, encoding="utf-8")
    out = tmp_path / "lotr.tsv"
    out_agents = tmp_path / "lotr-agents.tsv"
    r = _heraldo("kb", "import", str(src), "-o", str(out), "--prefix", "lotr")
    assert r.returncode == 0, r.stderr
    assert "1 warning" not in r.stderr and "end before start" in r.stderr
    r = _heraldo("kb", "import", "--agents", "--lang", "en", str(agents), "-o", str(out_agents))
    assert r.returncode == 0, r.stderr
    assert "ranger\tMIL" in out_agents.read_text(encoding="utf-8")

    record = {"id": "1", "lang": "en", "date": "2003-05-01", "text": "King Elessar Telcontar attacked the Orc Army."}
    r = _heraldo(
        "code", "--input", "-", "--output", "-", "--kb", str(out), "--kb", str(out_agents), stdin=json.dumps(record)
    )
    assert r.returncode == 0, r.stderr
    coded = json.loads(r.stdout)
    codes = {a["text"]: a["code"] for a in coded["actors"]}
    assert codes["King Elessar Telcontar"] == "GONGOV"
    assert codes["Orc Army"] == "MORREB"
    assert [(e["source"]["code"], e["target"]["code"]) for e in coded["events"]] == [("GONGOV", "MORREB")]

    r = _heraldo("kb", "show", "Elessar", "--date", "1996-01-01", "--kb", str(out))
    assert r.returncode == 0 and "code on 1996-01-01: GONELI" in r.stdout


def test_cli_refuses_a_missing_file(tmp_path):
    r = _heraldo("kb", "import", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.tsv"))
    assert r.returncode == 2 and "no such dictionary" in r.stderr
    r = _heraldo("kb", "show", "Lavrov", "--kb", str(tmp_path / "nope.tsv"))
    assert r.returncode == 2 and "no such knowledge-base file" in r.stderr


SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "dictionaries"


def test_the_shipped_import_is_what_the_documented_command_builds(tmp_path):
    """heraldo/kb/data/imported/people.tsv is generated (docs/actors.md); rebuild and compare."""
    if not SHARED.is_dir():
        from tests.conftest import missing

        missing("../shared/data/dictionaries")
    files = [
        SHARED / "petrarch2-en" / "Phoenix.Countries.actors.txt",
        SHARED / "petrarch2-en" / "Phoenix.International.actors.txt",
        SHARED / "universalpetrarch-es" / "actors_unified_181220.txt",
    ]
    people = tabari.import_actors(files, frozenset({"person"}), until=date(2016, 1, 1))  # as `make kb`
    rows = tabari.actor_rows(people, "petrarch")
    out = tmp_path / "people.tsv"
    tabari.write_actor_tsv(rows, out, [f.name for f in files])
    shipped = Path(kb.__file__).parent / "data" / "imported" / "people.tsv"
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")
