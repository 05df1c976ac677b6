"""Cleaning scraped text: a table of real-looking noisy lines in both languages."""

from __future__ import annotations

import pytest

from heraldo.clean.scraped import clean_text, strip_credit


@pytest.mark.parametrize(
    "line, caption, credit",
    [
        ("Putin en su última visita a Corea del NorteEFE", "Putin en su última visita a Corea del Norte", "EFE"),
        ("Un soldado ucraniano en el frente de JársovAFP", "Un soldado ucraniano en el frente de Jársov", "AFP"),
        ("Manifestantes frente al Congreso en Lima.Reuters", "Manifestantes frente al Congreso en Lima.", "Reuters"),
        ("Protesters gather outside parliament (Reuters)", "Protesters gather outside parliament", "Reuters"),
        (
            "El presidente saluda a sus seguidores. Foto: Juan Pérez",
            "El presidente saluda a sus seguidores.",
            "Foto: Juan Pérez",
        ),
        (
            "Troops on patrol near the border. Photo: Jane Doe / AFP",
            "Troops on patrol near the border.",
            "Photo: Jane Doe / AFP",
        ),
        (
            "La ministra durante la rueda de prensaEuropa Press",
            "La ministra durante la rueda de prensa",
            "Europa Press",
        ),
        ("Rescue teams in the rubbleGetty Images", "Rescue teams in the rubble", "Getty Images"),
        (
            "Vista de Gaza tras los bombardeosEFE/Mohammed Saber",
            "Vista de Gaza tras los bombardeos",
            "EFE/Mohammed Saber",
        ),
        ("El canciller llega a la cumbre de BruselasDPA", "El canciller llega a la cumbre de Bruselas", "DPA"),
        (
            "Soldados israelíes en la frontera con el LíbanoEPA",
            "Soldados israelíes en la frontera con el Líbano",
            "EPA",
        ),
        ("Kim Jong-un durante un desfile en PionyangKCNA", "Kim Jong-un durante un desfile en Pionyang", "KCNA"),
        ("Manifestantes en Caracas (AFP)", "Manifestantes en Caracas", "AFP"),
        ("The prime minister arrives in Brussels (AP)", "The prime minister arrives in Brussels", "AP"),
        ("Smoke rises over Khartoum.Reuters", "Smoke rises over Khartoum.", "Reuters"),
        ("Refugees at the Rafah crossing Photo: Ahmed Ali", "Refugees at the Rafah crossing", "Photo: Ahmed Ali"),
        (
            "Un agente de policía vigila la zona. Imagen: Ayuntamiento",
            "Un agente de policía vigila la zona.",
            "Imagen: Ayuntamiento",
        ),
        ("Firefighters at the scene. Credit: City of Lyon", "Firefighters at the scene.", "Credit: City of Lyon"),
        ("Rescatistas en la zona del sismoXinhua", "Rescatistas en la zona del sismo", "Xinhua"),
        ("A Ukrainian soldier near BakhmutAnadolu", "A Ukrainian soldier near Bakhmut", "Anadolu"),
        # no credit: an agency named inside a sentence, or a word ending in capitals
        (
            "Según la agencia AFP, el ataque dejó diez muertos.",
            "Según la agencia AFP, el ataque dejó diez muertos.",
            None,
        ),
        ("The talks were hosted by the UN", "The talks were hosted by the UN", None),
        ("Kim Jong-un recibe a Lavrov", "Kim Jong-un recibe a Lavrov", None),
        ("La OTAN y la UE", "La OTAN y la UE", None),
        ("Reunión del G20 en la capital de EEUU", "Reunión del G20 en la capital de EEUU", None),
        ("A statement from the AP", "A statement from the AP", None),
        ("Protests erupt after the vote", "Protests erupt after the vote", None),
    ],
)
def test_strip_credit(line, caption, credit):
    assert strip_credit(line) == (caption, credit)


@pytest.mark.parametrize(
    "text, kept, dropped",
    [
        (
            "Fundado en 1910\n\nEl Gobierno anunció nuevas medidas.",
            ["El Gobierno anunció nuevas medidas."],
            ["Fundado en 1910"],
        ),
        (
            "Founded in 1851\nThe minister resigned on Monday.",
            ["The minister resigned on Monday."],
            ["Founded in 1851"],
        ),
        (
            "Titular del día\n\nTitular del día\n\nCuerpo de la noticia.",
            ["Titular del día", "Cuerpo de la noticia."],
            [],
        ),
        (
            "Compartir en Facebook\nLos rebeldes tomaron la ciudad.",
            ["Los rebeldes tomaron la ciudad."],
            ["Compartir en Facebook"],
        ),
        (
            "Lea también: Otra noticia\nEl acuerdo fue firmado ayer.",
            ["El acuerdo fue firmado ayer."],
            ["Lea también: Otra noticia"],
        ),
        (
            "Read more: Another story\nTalks resumed in Geneva.",
            ["Talks resumed in Geneva."],
            ["Read more: Another story"],
        ),
        ("Por María López\nEl Congreso aprobó la ley.", ["El Congreso aprobó la ley."], ["Por María López"]),
        ("By John Smith\nThe court ruled on Friday.", ["The court ruled on Friday."], ["By John Smith"]),
        ("Edición impresa\nEl Senado votó la reforma.", ["El Senado votó la reforma."], ["Edición impresa"]),
        ("Suscríbete\nLa inflación bajó en marzo.", ["La inflación bajó en marzo."], ["Suscríbete"]),
        ("Print edition\nLawmakers passed the budget.", ["Lawmakers passed the budget."], ["Print edition"]),
        ("Sign in\nThe ceasefire held overnight.", ["The ceasefire held overnight."], ["Sign in"]),
        ("Share\nRebels seized the town.", ["Rebels seized the town."], ["Share"]),
        ("Publicidad\nEl ministro dimitió.", ["El ministro dimitió."], ["Publicidad"]),
        ("Advertisement\nThe talks collapsed.", ["The talks collapsed."], ["Advertisement"]),
        (
            "Síguenos en Twitter\nLos campesinos bloquearon la ruta.",
            ["Los campesinos bloquearon la ruta."],
            ["Síguenos en Twitter"],
        ),
        (
            "WhatsApp\nTelegram\nEl Ejército desplegó tropas.",
            ["El Ejército desplegó tropas."],
            ["WhatsApp", "Telegram"],
        ),
        (
            "Related: Earlier coverage\nThe envoy met both sides.",
            ["The envoy met both sides."],
            ["Related: Earlier coverage"],
        ),
        ("Since 1847\nThe strike entered its third week.", ["The strike entered its third week."], ["Since 1847"]),
    ],
)
def test_clean_text_keeps_prose(text, kept, dropped):
    segments, _credits, _authors, _dl = clean_text(text)
    got = [text[s:e] for s, e in segments]
    assert got == kept
    for d in dropped:
        assert d not in got


def test_dateline_gives_place_and_credit():
    text = "BOGOTA, 11 jun (AFP) - La guerrilla atacó un puesto militar."
    segments, credits, _a, dateline = clean_text(text)
    assert credits == ["AFP"]
    assert dateline is not None and text[dateline.start : dateline.end] == "BOGOTA"
    assert text[segments[0][0] : segments[0][1]] == "La guerrilla atacó un puesto militar."


def test_glued_headline_caption_is_kept_once():
    text = "Kim y Rusia sellan su alianzaAFP\n\nKim y Rusia sellan su alianza\n\nTexto."
    segments, credits, _a, _d = clean_text(text)
    assert credits == ["AFP"]
    assert [text[s:e] for s, e in segments] == ["Kim y Rusia sellan su alianza", "Texto."]
