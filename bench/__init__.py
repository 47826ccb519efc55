"""Benchmarks of atelier: ``python bench/run.py`` prints every figure of issue 7."""
