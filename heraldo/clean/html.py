"""HTML pages: the article body and metadata through trafilatura, with a map from every
character of the extracted text back to its offset in the HTML the user gave.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass

_TAG = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>|&#?\w+;", re.IGNORECASE | re.DOTALL)


@dataclass
class ExtractedHTML:
    text: str  # the visible article text
    offsets: list[int]  # offsets[i] = index in the HTML where text[i] starts
    ends: list[int]  # ends[i] = index in the HTML just after text[i] (after the whole entity for &eacute;)
    title: str | None
    date: str | None
    author: str | None
    site: str | None


def _visible(raw: str) -> tuple[str, list[int], list[int]]:
    """Visible characters of `raw` with the HTML span each comes from; whitespace runs become one
    space."""
    chars: list[str] = []
    offs: list[int] = []
    ends: list[int] = []
    pos = 0

    def push(s: str, at: int, end: int | None = None) -> None:
        for ch in s:
            if ch.isspace():
                if chars and chars[-1] == " ":
                    continue
                ch = " "
            chars.append(ch)
            offs.append(at)
            ends.append(at + 1 if end is None else end)

    for m in _TAG.finditer(raw):
        for k, ch in enumerate(raw[pos : m.start()]):
            push(ch, pos + k)
        token = m.group(0)
        if token.startswith("&"):
            push(htmllib.unescape(token), m.start(), m.end())
        else:
            push(" ", m.start(), m.end())
        pos = m.end()
    for k, ch in enumerate(raw[pos:]):
        push(ch, pos + k)
    return "".join(chars), offs, ends


def html_to_text(raw: str) -> ExtractedHTML:
    """Extract the article from an HTML page.

    The returned text is built from the extracted paragraphs found again in the page's visible
    text, so each character maps to an HTML offset. Paragraphs that cannot be found (rare:
    trafilatura rewrote them) are left out rather than given wrong offsets.
    """
    import trafilatura

    meta = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, favor_precision=True)
    body = ""
    title = date = author = site = None
    if meta is not None:
        d = meta.as_dict() if hasattr(meta, "as_dict") else dict(meta)
        body = d.get("text") or ""
        title, date, author, site = d.get("title"), d.get("date"), d.get("author"), d.get("sitename")
    visible, voffs, vends = _visible(raw)
    out_chars: list[str] = []
    out_offs: list[int] = []
    out_ends: list[int] = []
    cursor = 0
    for para in body.split("\n"):
        para = re.sub(r"\s+", " ", para).strip()
        if not para:
            continue
        i = visible.find(para, cursor)
        if i < 0:
            i = visible.find(para)
        if i < 0:
            continue
        if out_chars:
            out_chars.append("\n")
            out_offs.append(out_ends[-1])
            out_ends.append(out_ends[-1])
        out_chars.extend(visible[i : i + len(para)])
        out_offs.extend(voffs[i : i + len(para)])
        out_ends.extend(vends[i : i + len(para)])
        cursor = i + len(para)
    return ExtractedHTML("".join(out_chars), out_offs, out_ends, title, date, author, site)
