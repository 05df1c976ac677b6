from __future__ import annotations

import pytest

from heraldo.ontology import cameo, cameo_table


@pytest.mark.parametrize(
    "code, plover, quad, goldstein",
    [
        ("040", "CONSULT", 1, 1.0),
        ("057", "SUPPORT", 1, 8.0),
        ("070", "AID", 2, 7.0),
        ("111", "ACCUSE", 3, -2.0),
        ("145", "PROTEST", 3, -7.5),
        ("163", "SANCTION", 4, -8.0),  # heraldo's change to the 2021 table (build_ontology.py)
        ("1712", "COERCE", 4, -9.2),  # heraldo's changes: the table's own mode "seize" is COERCE's
        ("0813", "CONCEDE", 2, 5.0),  # easings of curfews like those of other restrictions (081)
        ("161", "SANCTION", 4, -4.0),
        ("173", "COERCE", 4, -5.0),
        ("190", "ASSAULT", 4, -10.0),
        ("020", "REQUEST", 1, 3.0),
    ],
)
def test_cameo_rows(code, plover, quad, goldstein):
    c = cameo(code)
    assert (c.plover, c.quad_class, c.goldstein) == (plover, quad, goldstein)


def test_every_code_has_a_quad_class_and_a_name():
    table = cameo_table()
    assert len(table) >= 300
    assert all(c.name and c.quad_class in (1, 2, 3, 4) for c in table.values())
    assert cameo("106").name == "Demand withdrawal"


def test_unknown_code_says_where_to_look():
    with pytest.raises(KeyError, match="cameo.tsv"):
        cameo("999")
