# `make demo` builds the demo campaign into output/demo/; `make test` runs lint and tests;
# `make serve` opens the web app on http://127.0.0.1:8750/.
# Both set everything up on a fresh machine; run again, they reinstall nothing.
VENV  := .venv
PY    := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEBS  := fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils \
         libreoffice-calc-nogui libreoffice-impress-nogui chromium

.PHONY: demo test serve setup debs lint format bench clean

setup: $(STAMP) debs

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

debs:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

demo: setup
	$(VENV)/bin/budgetgen build inputs/demo.xlsx -o output/demo --pptx --baseline inputs/demo-v1.xlsx
	$(VENV)/bin/budgetgen compare inputs/demo-v1.xlsx inputs/demo.xlsx -o output/demo-compare
	$(VENV)/bin/budgetgen build inputs/c3-demo.xlsx -o output/c3-demo
	$(VENV)/bin/budgetgen track inputs/demo.xlsx inputs/demo-daily.csv -o output/demo-tracking
	$(VENV)/bin/budgetgen retro inputs/demo.xlsx inputs/demo-actuals.xlsx -o output/demo-retro
	@test -f inputs/demo-customers.csv || $(PY) -m generator.segment.demo_customers inputs/demo-customers.csv
	$(VENV)/bin/budgetgen segment inputs/demo-customers.csv --as-of 2024-04-05 -o output/demo-segments

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: lint
	$(VENV)/bin/pytest
	bash tests/wheel_check.sh

serve: setup
	$(VENV)/bin/budgetgen serve

bench: setup
	$(PY) bench/run.py
	$(PY) bench/web.py

clean:
	rm -rf output/*/ .pytest_cache
