# Everyday targets; scripts/dev does the set-up.
.PHONY: brief test lint eval
brief:
	scripts/dev build
test:
	scripts/dev test
lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy
eval:
	.venv/bin/briefgen eval ../shared/eval/dev
