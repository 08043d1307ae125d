.PHONY: setup run test bench bench-http

setup:
	scripts/bootstrap

run:
	scripts/run

test:
	scripts/test

# Benchmarks print ratios against baselines measured in the same run (see README).
bench: bench-http

bench-http: setup
	.venv/bin/python -m benchmarks.http_bench
