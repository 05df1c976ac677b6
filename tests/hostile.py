"""The hostile-input corpus: each case is one JSON-lines input line (bytes) and what heraldo must
answer: `coded` (a valid record, no error) or the type of its error record. Large inputs are
generated here rather than stored. Used by tests/test_hostile.py through `heraldo code`."""

from __future__ import annotations

import json

OK = "coded"


def line(record: object) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def es(text: str, **extra: object) -> bytes:
    return line({"text": text, "lang": "es", "date": "2025-07-13", **extra})


SENTENCE = "El Gobierno de Chile condenó el ataque de Rusia contra Ucrania en Kiev."
NESTED_HTML = "<html><body>" + "<div>" * 5000 + "<p>" + SENTENCE + "</p>" + "</div>" * 5000 + "</body></html>"

CASES: list[tuple[str, bytes, str]] = [
    # -- not JSON, not an object -------------------------------------------------------------------
    ("empty line", b"", "invalid_json"),
    ("whitespace-only line", b"   \t  ", "invalid_json"),
    ("not JSON", b"Rusia condeno a Ucrania", "invalid_json"),
    ("truncated JSON", b'{"text": "Rusia conden', "invalid_json"),
    ("trailing garbage", b'{"text": "Rusia condeno a Ucrania."} xyz', "invalid_json"),
    ("JSON nested 100,000 deep", b"[" * 100_000 + b"]" * 100_000, "invalid_json"),
    ("a JSON array", b"[1, 2, 3]", "not_an_object"),
    ("a JSON string", b'"Rusia condeno a Ucrania"', "not_an_object"),
    ("JSON null", b"null", "not_an_object"),
    ("binary junk with NUL bytes", bytes(b for b in range(256) if b not in (10, 13)) * 4, "binary"),
    ("invalid UTF-8: Latin-1 Spanish", '{"text": "España condenó el ataque"}'.encode("latin-1"), "encoding"),
    (
        "mixed encodings in one line",
        '{"text": "Perú '.encode() + "condenó".encode("latin-1") + b' a Chile"}',
        "encoding",
    ),
    ("UTF-16 file", '{"text": "Rusia condenó a Ucrania."}'.encode("utf-16"), "encoding"),
    # -- wrong fields ------------------------------------------------------------------------------
    ("empty object", b"{}", "missing_text"),
    ("empty text", line({"text": ""}), "missing_text"),
    ("whitespace-only text", line({"text": " \n\t\u00a0 "}), "missing_text"),
    ("text is a number", line({"text": 123}), "invalid_field"),
    ("text is a list", line({"text": ["Rusia"]}), "invalid_field"),
    ("id is an object", line({"id": {"a": 1}, "text": SENTENCE}), "invalid_field"),
    ("url is a number", line({"url": 5, "text": SENTENCE}), "invalid_field"),
    ("html is a number", line({"html": 5}), "invalid_field"),
    ("date is a word", es(SENTENCE, date="yesterday"), "invalid_field"),
    ("date is not a calendar date", es(SENTENCE, date="2025-02-30"), "invalid_field"),
    ("date 0001-01-01", es(SENTENCE, date="0001-01-01"), OK),
    ("date 9999-12-31", es(SENTENCE, date="9999-12-31"), OK),
    ("unknown language code", line({"text": SENTENCE, "lang": "xx"}), "unsupported_language"),
    (
        "Japanese text",
        line({"text": "ロシアはウクライナへの攻撃を非難した。日本政府は声明を出した。"}),
        "unsupported_language",
    ),
    (
        "right-to-left Arabic text",
        line({"text": "أدانت الحكومة المصرية الهجوم الروسي على أوكرانيا يوم الاثنين."}),
        "unsupported_language",
    ),
    # -- size --------------------------------------------------------------------------------------
    ("a 20 MB article", es("Rusia condenó a Ucrania. " * 840_000), "too_large"),
    ("a single 200,000-character sentence", es("Rusia condenó a Ucrania y " * 7700 + "Chile."), OK),
    ("a 100,000-character word", es("a" * 100_000 + ". " + SENTENCE), OK),
    ("100,000 empty sentences", es(". " * 50_000 + SENTENCE), OK),
    ("a title of 100,000 characters", es(SENTENCE, title="T" * 100_000), OK),
    # -- HTML --------------------------------------------------------------------------------------
    # libxml2 refuses nesting deeper than 256 elements: no article can be extracted, and heraldo says so
    ("deeply nested HTML", line({"html": NESTED_HTML, "lang": "es"}), "missing_text"),
    ("broken HTML", line({"html": "<html><body><p>" + SENTENCE + "<div><span><p>Fin", "lang": "es"}), OK),
    (
        "HTML page with no article",
        line({"html": "<html><head><script>var a=1;</script></head><body><nav>Inicio</nav></body></html>"}),
        "missing_text",
    ),
    ("HTML in the text field", es("<script>alert(1)</script><b>" + SENTENCE + "</b>"), OK),
    # -- odd but valid text ------------------------------------------------------------------------
    ("only quotes", es('«Nunca.» «Jamás.» “No.” "Sí."'), OK),
    ("only numbers", line({"text": "123 456 789 2025 3.14 1.000.000"}), OK),  # coded: no events
    ("only numbers, language given", es("123 456 789 2025 3.14 1.000.000"), OK),
    ("emoji everywhere", es("🇷🇺 Rusia 💥 condenó 😡 a Ucrania 🇺🇦 en Kiev 🏙️. " + SENTENCE), OK),
    ("zero-width characters inside words", es("Ru\u200bsia con\u200cdenó a Ucr\u200dania.\ufeff " + SENTENCE), OK),
    ("right-to-left override marks", es("\u202eRusia condenó a Ucrania\u202c. " + SENTENCE), OK),
    ("control characters", es("Rusia\x01 condenó\x1f a\x7f Ucrania. " + SENTENCE), OK),
    ("a lone surrogate", b'{"text": "Rusia conden\\ud800 a Ucrania. ' + SENTENCE.encode() + b'", "lang": "es"}', OK),
    ("a lone surrogate in the id of a bad record", b'{"id": "x\\udfff", "text": 5}', "invalid_field"),
    ("an escaped NUL inside the text", es("Rusia\u0000 condenó a Ucrania. " + SENTENCE), OK),
    ("duplicate keys", b'{"text": "x", "text": "' + SENTENCE.encode() + b'", "lang": "es"}', OK),
    ("a byte-order mark before the record", b"\xef\xbb\xbf" + es(SENTENCE), OK),
    ("all capitals", es(SENTENCE.upper()), OK),
    (
        "a thousand actors in one sentence",
        es(", ".join(["Rusia", "Chile", "Perú", "Japón"] * 250) + " condenaron a Ucrania."),
        OK,
    ),
]
