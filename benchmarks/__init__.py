"""Benchmarks a newcomer can rerun: `make bench` runs them all (see benchmarks/run.py)."""
