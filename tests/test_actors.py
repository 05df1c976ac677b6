"""Actor mentions in context, both languages: what they resolve to, and what must not be an actor."""

from __future__ import annotations

import pytest

from tests.conftest import code_text


def _codes(coded):
    return {(m.text, m.code) for m in coded.actors}


@pytest.mark.parametrize(
    "lang, text, mention, code",
    [
        ("es", "Serguéi Lavrov llegó a Pionyang.", "Serguéi Lavrov", "RUSGOV"),
        ("es", "Sergei Lavrov llegó ayer.", "Sergei Lavrov", "RUSGOV"),
        ("es", "Choe Son Hui recibió a la delegación.", "Choe Son Hui", "PRKGOV"),
        ("es", "El Kremlin rechazó la propuesta.", "El Kremlin", "RUSGOV"),
        ("es", "Pionyang respondió con dureza.", "Pionyang", "PRKGOV"),
        ("es", "Moscú mantiene su postura.", "Moscú", "RUSGOV"),
        ("es", "La policía colombiana detuvo a dos hombres.", "policía colombiana", "COLCOP"),
        ("es", "El ministro de Exteriores ruso viajó a Pekín.", "ministro de Exteriores ruso", "RUSGOV"),
        ("es", "El régimen de Pionyang lanzó un misil.", "régimen de Pionyang", "PRKGOV"),
        ("es", "Los guerrilleros atacaron el cuartel.", "guerrilleros", "---REB"),
        ("es", "Las FARC liberaron a tres rehenes.", "FARC", "COLREB"),
        ("es", "La OTAN celebró una cumbre.", "OTAN", "IGOWSTNAT"),
        ("es", "Corea del Norte lanzó un misil.", "Corea del Norte", "PRK"),
        ("es", "Estados Unidos impuso sanciones.", "Estados Unidos", "USA"),
        ("es", "Los manifestantes rusos protestaron.", "manifestantes rusos", "RUSCVL"),
        ("en", "Sergey Lavrov arrived in Pyongyang.", "Sergey Lavrov", "RUSGOV"),
        ("en", "The White House rejected the offer.", "The White House", "USAGOV"),
        ("en", "North Korean soldiers crossed the border.", "North Korean soldiers", "PRKMIL"),
        ("en", "The United Nations condemned the attack.", "The United Nations", None),
        ("en", "Russian forces shelled the town.", "Russian forces", "RUSMIL"),
        ("en", "Hamas released two hostages.", "Hamas", "PSEREB"),
        # people with dated roles, spellings and transliterations
        ("es", "Vladímir Putin recibió al enviado.", "Vladímir Putin", "RUSGOV"),
        ("es", "Volodímir Zelenski viajó a Washington.", "Volodímir Zelenski", "UKRGOV"),
        ("en", "Volodymyr Zelensky spoke to reporters.", "Volodymyr Zelensky", "UKRGOV"),
        ("es", "Choe Son-hui habló con la prensa.", "Choe Son-hui", "PRKGOV"),
        ("en", "Wang Yi met his counterpart.", "Wang Yi", "CHNGOV"),
        ("es", "Emmanuel Macron convocó al Consejo.", "Emmanuel Macron", "FRAGOV"),
        ("es", "Benjamín Netanyahu habló ante el Parlamento.", "Benjamín Netanyahu", "ISRGOV"),
        ("en", "Masoud Pezeshkian addressed the nation.", "Masoud Pezeshkian", "IRNGOV"),
        ("es", "Narendra Modi inauguró la cumbre.", "Narendra Modi", "INDGOV"),
        ("en", "Recep Tayyip Erdogan criticized the plan.", "Recep Tayyip Erdogan", "TURGOV"),
        ("es", "Claudia Sheinbaum rechazó la propuesta.", "Claudia Sheinbaum", "MEXGOV"),
        ("en", "Keir Starmer visited Kyiv.", "Keir Starmer", "GBRGOV"),
        ("es", "Marco Rubio llegó a Panamá.", "Marco Rubio", "USAGOV"),
        ("en", "António Guterres urged restraint.", "António Guterres", "IGOUNO"),
        # capitals and seats of power used as metonyms
        ("es", "Pekín protestó por la visita.", "Pekín", "CHNGOV"),
        ("en", "Beijing protested the visit.", "Beijing", "CHNGOV"),
        ("es", "La Casa Blanca anunció nuevas sanciones.", "La Casa Blanca", "USAGOV"),
        ("en", "Downing Street denied the report.", "Downing Street", "GBRGOV"),
        ("es", "El Elíseo confirmó la reunión.", "El Elíseo", "FRAGOV"),
        ("es", "Teherán respondió a las acusaciones.", "Teherán", "IRNGOV"),
        ("en", "Tehran rejected the accusations.", "Tehran", "IRNGOV"),
        # demonyms and role nouns with countries
        ("es", "El ejército ucraniano recuperó la ciudad.", "ejército ucraniano", "UKRMIL"),
        ("es", "El Gobierno venezolano expulsó al embajador.", "Gobierno venezolano", "VENGOV"),
        ("en", "The Iranian foreign ministry summoned the envoy.", "Iranian foreign ministry", "IRNGOV"),
        ("en", "Israeli soldiers entered the camp.", "Israeli soldiers", "ISRMIL"),
        ("es", "Los estudiantes chilenos marcharon.", "estudiantes chilenos", "CHLEDU"),
        ("es", "La policía mexicana detuvo a tres hombres.", "policía mexicana", "MEXCOP"),
        ("es", "Los campesinos bolivianos bloquearon la carretera.", "campesinos bolivianos", "BOLAGR"),
        ("en", "Russian officials denied it.", "Russian officials", "RUSGOV"),
        ("es", "Los guerrilleros colombianos liberaron a dos rehenes.", "guerrilleros colombianos", "COLREB"),
        # organisations and armed groups
        ("es", "La Unión Europea aprobó el paquete.", "Unión Europea", "IGOEUREEC"),
        ("en", "NATO deployed more troops.", "NATO", "IGOWSTNAT"),
        ("es", "El ELN atacó un oleoducto.", "ELN", "COLREB"),
        ("es", "Hezbolá lanzó cohetes.", "Hezbolá", "LBNREB"),
        ("en", "The Taliban seized the district.", "Taliban", "AFGREB"),
        ("es", "El OIEA inspeccionó la planta.", "OIEA", "IGOUNOIAE"),
        ("en", "The Red Cross delivered aid.", "Red Cross", "NGOHLHIRC"),
    ],
)
def test_mentions_resolve(pipeline, lang, text, mention, code):
    coded = code_text(pipeline, text, lang)
    got = {m.text: m.code for m in coded.actors}
    if code is None:  # longest name wins, with or without the article
        assert any(v == "IGOUNO" for v in got.values()), got
        return
    assert got.get(mention) == code, got


@pytest.mark.parametrize(
    "date, code",
    [("2025-07-12", "USAGOV"), ("2022-03-01", "USA"), ("2018-05-01", "USAGOV")],
)
def test_dated_roles(pipeline, date, code):
    coded = code_text(pipeline, "Donald Trump habló con periodistas.", "es", date)
    assert {m.text: m.code for m in coded.actors}["Donald Trump"] == code


@pytest.mark.parametrize(
    "lang, text, not_actor",
    [
        ("es", "Según la agencia, el ataque dejó muertos.", "Según"),
        ("es", "Subrayó, además, la sintonía entre ambos países.", "Subrayó"),
        ("es", "La paz llegó en julio.", "La paz"),
        ("es", "Una mujer china vendía fruta.", "china"),
        ("en", "In May the talks resumed.", "May"),
        ("es", "La ministra llegó en marzo.", "marzo"),
        ("es", "Lima es una ciudad grande y la lima es una fruta.", "lima"),
        ("en", "US troops left; us reporters stayed.", "us"),
    ],
)
def test_not_actors(pipeline, lang, text, not_actor):
    coded = code_text(pipeline, text, lang)
    assert not [m for m in coded.actors if m.text == not_actor and m.code], coded.actors


def test_surname_only_after_full_name(pipeline):
    coded = code_text(pipeline, "Lavrov llegó. Serguéi Lavrov habló. Lavrov se fue.", "es")
    lav = [m.kb_id for m in coded.actors if m.text == "Lavrov"]
    # before the full name a bare surname is not resolved; after it, it is
    assert lav == [None, "person:sergey-lavrov"]


def test_role_noun_refers_back_to_the_right_person(pipeline):
    text = "Serguéi Lavrov se reunió con Vladímir Putin. Según el ministro ruso, Moscú mantendrá el contacto."
    coded = code_text(pipeline, text, "es")
    m = next(m for m in coded.actors if m.text.startswith("ministro ruso"))
    assert m.kb_id == "person:sergey-lavrov"


@pytest.mark.parametrize(
    "text, credit",
    [
        ("Manifestantes en Caracas frente al palacioAFP", "AFP"),
        ("Tropas rusas cerca de JársovEFE", "EFE"),
    ],
)
def test_glued_credits_are_never_actors(pipeline, text, credit):
    coded = code_text(pipeline, text + "\n\nEl Gobierno condenó la protesta.", "es")
    assert coded.credits == [credit]
    assert not [m for m in coded.actors if credit in m.text]


def test_place_used_as_location_is_not_an_actor(pipeline):
    coded = code_text(pipeline, "Los manifestantes protestaron en Moscú contra el Gobierno ruso.", "es")
    assert not [m for m in coded.actors if m.text == "Moscú" and m.code] or all(
        e.source.text != "Moscú" and (e.target is None or e.target.text != "Moscú") for e in coded.events
    )
    assert any(p.name == "Moscow" for p in coded.places)
