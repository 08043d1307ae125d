.PHONY: setup run test bench bench-http bench-scrub bench-broadcast bench-classify

setup:
	scripts/bootstrap

# Extra options through ARGS, e.g. make run ARGS="--port 8080"
run:
	scripts/run $(ARGS)

test:
	scripts/test $(ARGS)

# Benchmarks print ratios against baselines measured in the same run (see README).
bench: bench-http bench-classify bench-broadcast bench-scrub

bench-http: setup
	.venv/bin/python -m benchmarks.http_bench $(ARGS)

# 10M rows against 1M suppressed numbers, beside DuckDB (generates ~1.5 GB of data once).
bench-scrub: setup
	.venv/bin/python -m benchmarks.scrub_bench $(ARGS)

bench-classify: setup
	.venv/bin/python -m benchmarks.classify_bench $(ARGS)

# Broadcast worker beside bare provider calls to the same fake API (SQLite; --database-url for
# a dedicated PostgreSQL database: it creates Stopline's tables there).
bench-broadcast: setup
	.venv/bin/python -m benchmarks.broadcast_bench $(ARGS)
