"""Benchmarks: throughput and memory of each stage and of the whole pipeline."""
