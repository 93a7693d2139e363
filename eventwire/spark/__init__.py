"""The Spark engine: the same pipeline, tables and deduplication over millions of articles.

    eventwire spark-ingest feeds/ --out runs/2024-04-03/          # local[*], no cluster
    spark-submit --master yarn ... -m eventwire.spark.submit ...  # the same job on a cluster
    eventwire import-parquet runs/2024-04-03/ --db events.duckdb  # back to query/serve/UI

``job`` runs it, ``worker`` is what runs in the Python workers (readers and the cached
Pipeline), ``dedup`` and ``components`` link stories and events, ``schema`` derives the
Parquet columns from the DuckDB schema, ``importer`` loads a run into DuckDB, ``bench``
measures it. See docs/scale.md. Importing this package does not import PySpark.
"""
