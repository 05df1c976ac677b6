"""Article text from scraped text or HTML: which spans are prose, which are noise.

Nothing here copies or rewrites the text: cleaning returns spans (`segments`) of the input, so
every later offset is an offset into what the user gave.
"""

from heraldo.clean.html import html_to_text
from heraldo.clean.scraped import clean_text

__all__ = ["clean_text", "html_to_text"]
