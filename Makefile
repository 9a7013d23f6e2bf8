# Two commands on a fresh machine: `make demo` and `make test`. Both set themselves up.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
BUILD ?= build
AS_OF ?= 2026-11-23
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
STAMP := $(VENV)/.installed

.PHONY: setup tesseract demo test eval bench lint corpus clean

setup: tesseract $(STAMP)

# Debian's Tesseract with English and orientation data, installed only when missing.
tesseract:
	@if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx osd \
	     || ! tesseract --list-langs 2>/dev/null | grep -qx eng; then \
	  echo "installing tesseract-ocr (Debian packages)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd >/dev/null; \
	fi
	@tesseract --version 2>/dev/null | head -1

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

demo: setup
	$(PY) -m pipeline process sample_docs/demo/demo_claim.pdf --out $(BUILD)/demo --as-of $(AS_OF)
	@echo "report: $(BUILD)/demo/demo_claim/report.json"
	@echo "dispute letter draft: $(BUILD)/demo/demo_claim/dispute_letter.md"

test: setup
	$(PY) -m pytest -q -n $(JOBS) tests

corpus: setup
	$(PY) sample_docs/generate.py --out $(BUILD)/corpus

eval: corpus
	$(PY) sample_docs/run_eval.py --corpus $(BUILD)/corpus --out $(BUILD)/eval --jobs $(JOBS)

bench: setup
	$(PY) -m benchmarks.bench --jobs $(JOBS)

lint: setup
	$(VENV)/bin/ruff check pipeline tests sample_docs benchmarks

clean:
	rm -rf $(BUILD) .pytest_cache
