"""Property-based tests (hypothesis) on cleaning and offsets: whatever the input, every
`start`/`end` heraldo reports slices the input text to the reported `text`."""

from __future__ import annotations

import html as htmllib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heraldo.clean.html import _visible
from heraldo.clean.scraped import clean_text, strip_credit
from heraldo.textutil import parse_text
from tests.test_hostile import check_offsets, spans

WORDS = [
    "Rusia", "Ucrania", "Kim", "Jong-un", "Lavrov", "condenó", "atacó", "se reunió con", "el", "la", "de", "en",
    "Pionyang", "Moscú", "Wonsan", "Chile", "la policía", "detuvo a", "manifestantes", "según", "diversas fuentes",
    "dijo", "que", "AFP", "EFE", "Foto:", "ayer", "el martes", "12 de julio de 2025", "Russia", "condemned",
    "met", "said", "the", "in", "Reuters", "🇰🇵", "💥", "\u200b", "\u202e", "«", "»", "“", "”", '"', "'", "(", ")",
    ",", ".", ":", ";", "\n", "\n\n", "  ", "\t", "ŏ", "ñ", "ÑANDÚ", "—", "-", "…",
]  # fmt: skip
news_text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=60).map(" ".join)
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)


@given(st.one_of(news_text, any_text))
def test_parse_text_keeps_the_length(text):
    assert len(parse_text(text)) == len(text)


@given(st.one_of(news_text, any_text))
def test_clean_text_segments_lie_inside_the_text(text):
    segments, credits, _authors, dateline = clean_text(text)
    last = 0
    for s, e in segments:
        assert last <= s <= e <= len(text)
        last = e
    if dateline is not None:
        assert text[dateline.start : dateline.end] == dateline.text
    assert all(isinstance(c, str) and c for c in credits)


@given(st.one_of(news_text, any_text))
def test_strip_credit_only_removes_a_suffix(line):
    caption, credit = strip_credit(line)
    assert line.startswith(caption.rstrip()) or caption == line
    if credit is None:
        assert caption == line


TAGS = ["<p>", "</p>", "<div class='a'>", "</div>", "<br/>", "<b>", "</b>", "<!-- c -->", "<a href='x'>", "</a>",
        "<script>var x = '<p>';</script>", "&amp;", "&eacute;", "&#241;", "&nbsp;"]  # fmt: skip
tag = st.sampled_from(TAGS)


@given(st.lists(st.one_of(tag, news_text), max_size=40).map("".join))
def test_visible_html_characters_map_back_into_the_html(raw):
    visible, offsets, ends = _visible(raw)
    assert len(visible) == len(offsets) == len(ends)
    assert offsets == sorted(offsets) and all(0 <= a < b <= len(raw) for a, b in zip(offsets, ends, strict=True))
    for ch, a, b in zip(visible, offsets, ends, strict=True):
        if ch != " ":  # a visible character comes from itself or from the entity that means it
            assert raw[a:b] == ch or ch in htmllib.unescape(raw[a:b])


def squeeze(s: str) -> str:
    return "".join(s.split())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(news_text)
def test_every_output_offset_slices_the_input(pipeline, text):
    rec = pipeline.code_safe({"id": "p", "text": text, "lang": "es", "date": "2025-07-13"}).to_json()
    if rec["error"] is None:
        check_offsets(text, rec)
    else:
        assert rec["error"]["type"] == "missing_text"


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.one_of(tag, news_text), min_size=1, max_size=30).map(
        lambda p: "<html><body><p>" + "".join(p) + "</p></body></html>"
    )
)
def test_html_output_offsets_point_at_the_same_visible_text(pipeline, raw):
    rec = pipeline.code_safe({"id": "h", "html": raw, "lang": "es", "date": "2025-07-13"}).to_json()
    if rec["error"] is not None:
        assert rec["error"]["type"] == "missing_text"
        return
    for what, start, end, text in spans(rec):
        assert 0 <= start <= end <= len(raw), what
        assert squeeze(_visible(raw[start:end])[0]) == squeeze(text), (what, raw[start:end], text)
