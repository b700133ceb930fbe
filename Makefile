# The two commands: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
# Test processes (pytest-xdist), each with its own test database; see README, "Tests".
TEST_WORKERS ?= auto
PORT ?= 8000
# Links in emails follow the address `make run` serves (make run PORT=8001 ...).
WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
export WAGTAILADMIN_BASE_URL

.PHONY: run test lint format check messages install install-test serve clean-db backup restore bench vendor-css

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when the declared dependencies change, so a second run is quick.
.installed-run: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $@ .installed-run

install: .installed-run
install-test: .installed-test

run: .installed-run
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo
	@echo ""
	@echo "  Public site:   http://$(HOST):$(PORT)/en/   http://$(HOST):$(PORT)/fr/"
	@echo "  Sign in:       http://$(HOST):$(PORT)/en/accounts/login/  (demo accounts above)"
	@echo "  Wagtail admin: http://$(HOST):$(PORT)/admin/"
	@echo "  Emails: sent by the background worker, printed below (console backend)."
	@echo ""
	@# The worker (tasks, email retries, daily jobs) runs beside the web server and stops with it.
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) run_worker --interval 1 & worker=$$!; \
	$(MANAGE) runserver $(HOST):$(PORT)

lint: .installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: .installed-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: .installed-test
	DJANGO_SETTINGS_MODULE=nfp_site.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=nfp_site.settings.test $(MANAGE) makemigrations --check --dry-run

test: lint check
	$(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadgroup --no-loadscope-reorder --durations 15

# Needs GNU gettext (Debian: apt-get install gettext); `make run` never does.
messages: .installed-test
	$(MANAGE) makemessages --locale fr --no-obsolete --ignore ".venv/*" --ignore "static/*" --ignore "tests/*"
	$(PY) -m nfp_site.compile_translations

# Database (pg_dump on PostgreSQL, a file copy on SQLite) and uploaded files, in backups/.
backup: .installed-run
	$(MANAGE) backup_site --output backups

# make restore BACKUP=backups/nfp-backup-... (replaces the current data). Refuses while the
# site is live (stop `make run` first), unless MAINTENANCE=1 (the site answers 503 and the
# worker pauses for the time of the restore) or FORCE=1 (writes made meanwhile are lost).
restore: .installed-run
	@test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=backups/nfp-backup-... [MAINTENANCE=1|FORCE=1]" && exit 2)
	$(MANAGE) restore_site "$(BACKUP)" --yes $(if $(MAINTENANCE),--maintenance) $(if $(FORCE),--even-if-live)

# make bench [SIZE=demo|network] [BENCH_SECONDS=5]: grows a database of its own (SQLite
# bench-$(SIZE).sqlite3, or DATABASE_URL), serves it with gunicorn as in production, loads
# every page type and prints the table into bench-results/ too (method: BENCHMARKS.md). At
# network size, CPU per request is compared with the last demo-size run on the same database,
# or, with BASELINE_DATABASE (a database grown to demo size), with it served beside and loaded
# around each page (`--baseline-database`: the steadier comparison on a shared machine).
SIZE ?= demo
BENCH_SECONDS ?= 5
bench: .installed-run
	@url="$${DATABASE_URL:-sqlite:///$(CURDIR)/bench-$(SIZE).sqlite3}"; \
	case "$$url" in postgres*) db=postgresql ;; *) db=sqlite ;; esac; \
	baseline=bench-results/demo-$$db.json; \
	if [ "$(SIZE)" = demo ] || [ ! -f "$$baseline" ] || [ -n "$(BASELINE_DATABASE)" ]; then baseline=""; fi; \
	DATABASE_URL="$$url" $(MANAGE) bench --size $(SIZE) --seconds $(BENCH_SECONDS) \
		--output bench-results/$(SIZE)-$$db.md $${baseline:+--baseline $$baseline} \
		$(if $(BASELINE_DATABASE),--baseline-database "$(BASELINE_DATABASE)") $(BENCH_ARGS)

clean-db:
	rm -f db.sqlite3

# The design system's build output (README, "Design system"); needs npm, only to upgrade.
PICO_VERSION ?= 2.1.1
vendor-css:
	tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent @picocss/pico@$(PICO_VERSION) >/dev/null \
	&& tar xzf picocss-pico-$(PICO_VERSION).tgz \
	&& cp package/css/pico.blue.min.css package/LICENSE.md $(CURDIR)/home/static/vendor/pico/ \
	&& rm -rf $$tmp
	@echo "Pico CSS $(PICO_VERSION) copied into home/static/vendor/pico/"
