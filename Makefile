# Lectern: `make run` starts the whole product, `make test` proves it works.
SHELL := /bin/bash
.DEFAULT_GOAL := help
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
BACKEND := cd backend &&
FRONTEND := cd frontend &&

.PHONY: help setup run test bench lint fmt typecheck gen gen-check migrate seed \
        test-backend test-sqlite test-web test-e2e build-web screenshots

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

setup: ## install uv, Python and npm packages (fast when already done)
	@bash scripts/setup.sh

build-web: setup
	@bash scripts/build-web.sh

run: setup build-web ## migrate, seed, start API + worker + web on the embedded default
	@bash scripts/stack.sh

test: setup lint typecheck gen-check test-backend test-sqlite test-web test-e2e ## everything that proves it works
	@echo "make test: all checks passed"

lint: setup ## ruff (lint + format check)
	$(BACKEND) $(UV) run --frozen ruff check .
	$(BACKEND) $(UV) run --frozen ruff format --check .

fmt: setup ## format the backend
	$(BACKEND) $(UV) run --frozen ruff format . && $(UV) run --frozen ruff check --fix .

typecheck: setup ## mypy --strict and tsc --noEmit
	$(BACKEND) $(UV) run --frozen mypy
	$(FRONTEND) npm run --silent typecheck

gen: setup ## regenerate the web's API client from the OpenAPI schema
	$(BACKEND) $(UV) run --frozen lectern openapi ../frontend/openapi.json
	$(FRONTEND) npm run --silent gen

gen-check: setup ## fail if the checked-in API client is stale
	@$(BACKEND) $(UV) run --frozen lectern openapi /tmp/lectern-openapi-$$$$.json >/dev/null && \
	  if ! diff -q /tmp/lectern-openapi-$$$$.json ../frontend/openapi.json >/dev/null; then \
	    rm -f /tmp/lectern-openapi-$$$$.json; \
	    echo "frontend/openapi.json is stale: run 'make gen' and commit the result" >&2; exit 1; \
	  fi; rm -f /tmp/lectern-openapi-$$$$.json
	$(FRONTEND) npm run --silent gen:check

test-backend: setup ## the API suite against PostgreSQL and Redis on this machine
	$(BACKEND) $(UV) run --frozen pytest -n 2 -q

test-sqlite: setup ## migrations and the main flows on SQLite (the embedded default)
	$(BACKEND) LECTERN_TEST_BACKEND=sqlite $(UV) run --frozen pytest -q -m sqlite

test-web: setup ## frontend unit tests
	$(FRONTEND) npm run --silent test:unit

test-e2e: setup build-web ## Playwright specs in Debian's Chromium
	@bash scripts/ensure-chromium.sh
	$(FRONTEND) npm run --silent test:e2e

screenshots: setup build-web ## retake docs/screenshots/ (phone and desktop) in Chromium
	@bash scripts/ensure-chromium.sh
	$(FRONTEND) LECTERN_SCREENSHOTS=1 npx playwright test screenshots.spec.ts

bench: setup ## benchmarks beside their baselines (BENCH_ONLY=auth|catalog|video|upload|delivery|playback|heartbeats|dashboard; docs/performance.md)
	@bash bench/run.sh

migrate: setup ## apply database migrations (LECTERN_DATABASE_URL or SQLite in var/)
	$(BACKEND) $(UV) run --frozen lectern migrate

seed: setup ## create the demo accounts
	$(BACKEND) $(UV) run --frozen lectern seed
