"""heraldo: political event data from news articles, in Spanish and English.

>>> from heraldo import code_article
>>> coded = code_article({"id": "1", "text": "Rusia condenó a Ucrania.", "lang": "es"})
"""

from heraldo.pipeline import Config, Pipeline, code_article

__version__ = "0.1.0"
__all__ = ["Config", "Pipeline", "code_article", "__version__"]
