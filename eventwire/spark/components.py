"""Connected components of a graph held as a Spark DataFrame of edges.

The alternating large-star / small-star algorithm (Kiveris et al., "Connected Components
in MapReduce and Beyond", SoCC 2014): each round is two joins over the edge list and the
number of rounds grows with the logarithm of the component size, not with its diameter
(a story that runs day after day is a long chain). Node ids are strings; a component is
named by its smallest node id. A graph of at most ``DRIVER_MAX_EDGES`` edges is solved on
the driver with a union-find instead: a few Spark jobs less, which is what matters then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

MAX_ROUNDS = 64
DRIVER_MAX_EDGES = 200_000


def connected_components(
    edges: DataFrame, src: str = "src", dst: str = "dst", driver_max_edges: int = DRIVER_MAX_EDGES
) -> DataFrame:
    """(``node``, ``component``) for every node that has an edge; ``component`` is its smallest id."""
    from pyspark.sql import functions as F

    current = (
        edges.where(F.col(src) != F.col(dst))
        .select(F.least(src, dst).alias("u"), F.greatest(src, dst).alias("v"))
        .distinct()
        .localCheckpoint()
    )
    if current.count() <= driver_max_edges:
        pairs = [(row.u, row.v) for row in current.toLocalIterator()]
        labels = _union_find(pairs)
        return edges.sparkSession.createDataFrame(sorted(labels.items()), "node STRING, component STRING")
    for _ in range(MAX_ROUNDS):
        after = _small_star(_large_star(current)).localCheckpoint()
        if _same(current, after):
            current = after
            break
        current = after
    else:  # pragma: no cover - 2^64 nodes
        raise RuntimeError(f"connected components did not converge in {MAX_ROUNDS} rounds")
    # A star per component: every edge is (root, member).
    roots = current.select(F.col("u").alias("node"), F.col("u").alias("component"))
    members = current.select(F.col("v").alias("node"), F.col("u").alias("component"))
    return roots.union(members).groupBy("node").agg(F.min("component").alias("component"))


def _large_star(edges: DataFrame) -> DataFrame:
    """Each node's larger neighbours are linked to the smallest node of its neighbourhood."""
    from pyspark.sql import functions as F

    both = edges.select(F.col("u").alias("x"), F.col("v").alias("y")).union(
        edges.select(F.col("v").alias("x"), F.col("u").alias("y"))
    )
    smallest = both.groupBy("x").agg(F.least(F.min("y"), F.first("x")).alias("m"))
    return (
        both.where(F.col("y") > F.col("x"))
        .join(smallest, "x")
        .select(F.least("m", "y").alias("u"), F.greatest("m", "y").alias("v"))
        .where(F.col("u") != F.col("v"))
        .distinct()
    )


def _small_star(edges: DataFrame) -> DataFrame:
    """Each node and its smaller neighbours are linked to the smallest of them."""
    from pyspark.sql import functions as F

    smallest = edges.groupBy("v").agg(F.min("u").alias("m"))
    linked = edges.join(smallest, "v")
    to_members = linked.where(F.col("u") != F.col("m")).select(F.col("m").alias("u"), F.col("u").alias("v"))
    to_self = linked.select(F.col("m").alias("u"), F.col("v").alias("v"))
    return to_members.union(to_self).distinct()


def _same(before: DataFrame, after: DataFrame) -> bool:
    return before.count() == after.count() and after.exceptAll(before).isEmpty()


def _union_find(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Node -> smallest node of its component."""
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        root = node
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[node] != root:  # path compression
            parent[node], node = root, parent[node]
        return root

    for u, v in pairs:
        a, b = find(u), find(v)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {node: find(node) for node in parent}
