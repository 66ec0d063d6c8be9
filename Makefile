# Everyday targets; scripts/dev does the set-up.
.PHONY: brief test lint eval bench golden
brief:
	scripts/dev build
test:
	scripts/dev test
lint:
	scripts/dev lint
golden:  # rewrite tests/golden/ from the code; read the diff (CONTRIBUTING.md)
	BRIEFGEN_UPDATE_GOLDEN=1 scripts/dev test -q -m golden
eval:
	.venv/bin/briefgen eval ../shared/eval/dev
CORPUS ?= ../shared/corpus/whitehouse
bench:  # the speed figures of the README, each beside its floor; each script says what it measures
	.venv/bin/python benchmarks/build_seeds.py --repeat 5
	.venv/bin/python benchmarks/critical_path.py --repeat 5
	.venv/bin/python benchmarks/rebuild.py $(CORPUS) seeds --repeat 3
	.venv/bin/python benchmarks/corpus_run.py --jobs 1 --jobs 2 --repeat 3 $(CORPUS)
	.venv/bin/python benchmarks/scale.py $(CORPUS) --factor 10
