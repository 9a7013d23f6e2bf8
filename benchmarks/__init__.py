"""Benchmarks (``make bench``) and the synthetic pages they and the ingest tests are built from."""
