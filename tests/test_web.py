"""The dashboard in a real headless browser (Debian's chromium driven by Playwright), served by a
real `heraldo serve` process over a DuckDB store built from the examples plus one hostile article.
Screenshots land in docs/img/ (they illustrate docs/api.md)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from heraldo.store import article_key, open_store
from tests.conftest import ROOT, add_examples, missing, start_server, stop_server

CHROMIUM = os.environ.get("HERALDO_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = ROOT / "docs" / "img"

HOSTILE_TEXT = (
    'El Gobierno de Chile <script>window.__pwned = "script"</script> condenó el ataque de Rusia contra Ucrania '
    'en Kiev <img src=x onerror="window.__pwned = \'img\'"> y pidió <b onmouseover="window.__pwned=1">calma</b>.'
)


@pytest.fixture(scope="module")
def server(tmp_path_factory, examples, pipeline):
    if not Path(CHROMIUM).exists():
        missing("chromium (Debian package chromium)")
    db = tmp_path_factory.mktemp("web") / "web.duckdb"
    store = open_store(db)
    add_examples(store, examples)
    hostile = {
        "id": "hostile<script>",
        "text": HOSTILE_TEXT,
        "lang": "es",
        "date": "2025-09-01",
        "title": "<img src=x onerror=\"window.__pwned='title'\">Chile",
        "url": "javascript:window.__pwned='url'",
        "outlet": "<script>window.__pwned='outlet'</script>",
    }
    coded = pipeline.code(hostile)
    assert coded.events, "the hostile article must produce an event for the test to mean anything"
    store.add(article_key(hostile), coded)
    store.close()
    url, proc = start_server(db)
    yield url
    stop_server(proc)


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    pg.errors, pg.dialogs = [], []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.goto(server + "/")
    pg.wait_for_selector("#events tbody tr")
    yield pg
    assert pg.errors == [], pg.errors
    ctx.close()


def test_filter_by_dyad_open_an_event_see_the_evidence(page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert page.locator("#events tbody tr").count() > 20
    page.fill("#filters [name=dyad]", "PRK,RUS")
    page.click("#filters button[type=submit]")
    expect(page.locator("#page")).to_contain_text(re.compile(r"of \d+$"))
    expect(page.locator("#events tbody tr").first.locator("td").nth(1)).to_contain_text(re.compile("PRK|RUS"))
    rows = page.locator("#events tbody tr")
    n = rows.count()
    assert 5 <= n < 30
    for i in range(n):
        cells = rows.nth(i).locator("td")
        assert {cells.nth(1).inner_text()[:3], cells.nth(2).inner_text()[:3]} == {"PRK", "RUS"}
    consult = rows.filter(has_text="Wŏnsan").filter(has_text="CONSULT").first
    consult.click()
    evidence = page.locator("#detail [data-role=evidence]")
    evidence.wait_for()
    assert evidence.locator("mark.trigger").inner_text() in ("encuentro", "reunión", "reunió", "recibió")
    assert evidence.locator("mark.place").inner_text() in ("Wonsan", "Wŏnsan")
    assert evidence.locator("mark.source").count() == 1 and evidence.locator("mark.target").count() == 1
    assert (
        "Kim" in evidence.locator("mark.source").inner_text() or "Kim" in evidence.locator("mark.target").inner_text()
    )
    assert "Reported by" in page.locator("#detail").inner_text()
    page.screenshot(path=str(SHOTS / "dashboard-event.png"))


def test_timeline_network_map_and_article_views(page):
    page.fill("#filters [name=dyad]", "PRK,RUS")
    page.click("#filters button[type=submit]")
    page.click("nav button[data-tab=timeline]")
    page.wait_for_selector("#timeline svg g[data-period]")
    assert page.locator("#timeline svg g[data-period]").count() >= 1
    page.screenshot(path=str(SHOTS / "dashboard-timeline.png"))
    page.click("#filters button[type=reset]")
    page.click("nav button[data-tab=network]")
    page.wait_for_selector("#network svg g.node")
    actors = set(page.locator("#network svg g.node").evaluate_all("ns => ns.map(n => n.dataset.actor)"))
    assert {"PRKGOV", "RUSGOV"} <= actors
    # every label inside the drawing and no two nodes on top of each other (the layout once pushed
    # unconnected dyads against the border, labels cut off)
    svg_box = page.locator("#network svg").bounding_box()
    boxes = page.locator("#network svg g.node").evaluate_all(
        "ns => ns.map(n => { const b = n.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })"
    )
    assert svg_box is not None and boxes
    right, bottom = svg_box["x"] + svg_box["width"], svg_box["y"] + svg_box["height"]
    assert all(
        b[0] >= svg_box["x"] and b[2] <= right + 1 and b[1] >= svg_box["y"] and b[3] <= bottom + 1 for b in boxes
    )
    centres = [((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for b in boxes]
    assert all(abs(a[0] - c[0]) + abs(a[1] - c[1]) > 5 for i, a in enumerate(centres) for c in centres[i + 1 :])
    page.screenshot(path=str(SHOTS / "dashboard-network.png"))
    page.click("nav button[data-tab=map]")
    page.wait_for_selector("#map svg path.country", timeout=60_000)
    assert page.locator("#map svg path.country").count() > 150
    assert page.locator("#map svg circle[data-place='Wŏnsan']").count() == 1
    page.screenshot(path=str(SHOTS / "dashboard-map.png"))
    page.click("nav button[data-tab=articles]")
    page.locator("#articles tbody tr", has_text="Kim").first.click()
    text = page.locator("#article [data-role=article-text]")
    text.wait_for()
    assert text.locator("mark.trigger").count() >= 5 and text.locator("mark.place").count() >= 1
    page.screenshot(path=str(SHOTS / "dashboard-article.png"))


def test_article_text_never_executes(page):
    page.fill("#filters [name=text]", "script")
    page.click("#filters button[type=submit]")
    expect(page.locator("#page")).to_have_text(re.compile(r"^1–[12] of [12]$"))  # the hostile article's events
    row = page.locator("#events tbody tr").first
    row.click()
    evidence = page.locator("#detail [data-role=evidence]")
    evidence.wait_for()
    assert "<script>" in evidence.inner_text()  # shown as text...
    assert page.locator("#detail script, #detail img, #detail b").count() == 0  # ...never as markup
    assert page.locator("#detail a").count() == 0  # the javascript: URL is not a link
    page.click("#detail button")  # open the article
    page.locator("#article [data-role=article-text]").wait_for()
    assert "onerror=" in page.locator("#article").inner_text()
    assert page.locator("#article script, #article img, #article b, #article a").count() == 0
    page.click("nav button[data-tab=articles]")
    page.wait_for_selector("#articles tbody tr")
    page.mouse.move(10, 10)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []


def test_an_article_lists_its_quotes_with_their_kind(page):
    page.click("nav button[data-tab=articles]")
    page.locator("#articles tbody tr", has_text="eu-iran-sanctions").first.click()
    page.locator("#article [data-role=article-text]").wait_for()
    kinds = page.locator("#article li[data-kind]").evaluate_all("ls => ls.map(l => l.dataset.kind)")
    assert "direct" in kinds and "stance" in kinds, kinds
    assert "(stance)" in page.locator("#article li[data-kind=stance]").first.inner_text()
