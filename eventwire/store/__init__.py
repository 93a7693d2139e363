"""Store stage: the DuckDB database and its exports."""
