"""HTML input: the article comes out of the page, offsets point into the HTML given."""

from __future__ import annotations

HTML = """<!doctype html><html><head><title>Rusia y Corea del Norte</title>
<meta property="article:published_time" content="2025-07-13"></head>
<body><nav><a href="/">Portada</a> | <a href="/mundo">Mundo</a></nav>
<article><h1>Lavrov visita Corea del Norte</h1>
<p>El ministro de Exteriores ruso, Serguéi Lavrov, se reunió con Kim Jong-un en Wonsan, según informaron
medios estatales de ambos pa&iacute;ses.</p>
<p>Durante el encuentro, Kim Jong-un reiteró su respaldo a Rusia en el conflicto con Ucrania y
expresó su deseo de ampliar la cooperación militar entre ambos países.</p>
</article><footer>© Diario Ejemplo · Aviso legal · Compartir en Facebook</footer></body></html>"""


def test_html_article_is_coded_with_offsets_into_the_html(pipeline):
    coded = pipeline.code({"id": "h", "html": HTML, "lang": "es"})
    assert coded.error is None
    assert any(
        e.plover == "SUPPORT" and e.source.country == "PRK" and e.target and e.target.country == "RUS"
        for e in coded.events
    )
    for m in coded.actors:
        assert HTML[m.start : m.end] == m.text, m
    for e in coded.events:
        t = e.evidence.trigger
        assert HTML[t.start : t.end] == t.text
    assert not any("Portada" in m.text or "Facebook" in m.text for m in coded.actors)


def test_html_metadata_gives_author_and_outlet(pipeline):
    page = HTML.replace(
        "<title>",
        '<meta name="author" content="Ana Pérez"><meta property="og:site_name" content="Diario Ejemplo"><title>',
    )
    coded = pipeline.code({"id": "h", "html": page, "lang": "es"})
    assert coded.authors == ["Ana Pérez"] and coded.outlet == "Diario Ejemplo"
    assert not [m for m in coded.actors if "Ana" in m.text]
    # an outlet given in the record wins over the page's
    assert pipeline.code({"id": "h", "html": page, "lang": "es", "outlet": "Mi medio"}).outlet == "Mi medio"


def test_bylines_in_plain_text_are_authors(pipeline):
    text = "Por Juan García\n\nEl Gobierno peruano decretó el estado de emergencia en Lima."
    coded = pipeline.code({"id": "t", "text": text, "lang": "es"})
    assert "Juan García" in coded.authors
    assert not [m for m in coded.actors if "García" in m.text]
