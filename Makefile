# The suite's commands. Each one checks that Odoo 18.0 is importable and that
# PostgreSQL answers (starting the private cluster under .local/ when needed).
PYTHON ?= python3
SUITE  := $(PYTHON) tools/suite.py

.PHONY: run test stop bench lint check

run:    ## install all five modules with demo data on first run, then serve :8069
	@$(SUITE) run

test:   ## throwaway database, install, pytest-odoo; TESTS="addons/it_sla" narrows it
	@$(SUITE) test -- $(TESTS)

stop:   ## stop the private PostgreSQL cluster
	@$(SUITE) stop

bench:  ## benchmarks under tests/ (figures go to the README)
	@$(SUITE) bench

check:  ## only check Odoo and PostgreSQL
	@$(SUITE) check

lint:  ## ruff and, where it installs, pylint-odoo (readme/ fragments replace README.rst)
	$(PYTHON) -m ruff check addons tests tools
	$(PYTHON) -m ruff format --check addons tests tools
	@if $(PYTHON) -c 'import pylint_odoo' 2>/dev/null; then \
		$(PYTHON) -m pylint --rcfile=.pylintrc --disable=missing-readme,manifest-superfluous-key addons/*; \
	else echo "pylint-odoo is not installed: skipped"; fi
