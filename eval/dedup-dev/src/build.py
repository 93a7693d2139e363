"""Write the real-story part of eval/dedup-dev (articles ``r*``) from real_*.py.

Checks that every evidence string occurs exactly once in its article, then rewrites the
``r*`` lines of articles.jsonl and events.jsonl, keeping the written ones (``d*``).
Run: python eval/dedup-dev/src/build.py
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import real_a  # noqa: E402
import real_b  # noqa: E402
import real_c  # noqa: E402

DEV = HERE.parent
FIELDS = ("id", "url", "outlet", "title", "published", "language", "text", "story")


def _real(line: str) -> bool:
    row = json.loads(line)
    return str(row.get("id", row.get("article", ""))).startswith("r")


def main() -> None:
    records = real_a.ARTICLES + real_b.ARTICLES + real_c.ARTICLES
    articles, events, errors = [], [], []
    for r in records:
        for eid, etype, source, target, evidence, date in r["events"]:
            if r["text"].count(evidence) != 1:
                count = r["text"].count(evidence)
                errors.append(f"{r['id']} {eid}: evidence occurs {count} times: {evidence!r}")
            events.append({"article": r["id"], "event": eid, "type": etype, "source": source,
                           "target": target, "evidence_contains": evidence, "date": date})
        articles.append({k: r[k] for k in FIELDS})
    if errors:
        sys.exit("\n".join(errors))
    ids = [a["id"] for a in articles]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for name, rows in (("articles.jsonl", articles), ("events.jsonl", events)):
        path = DEV / name
        old = path.read_text(encoding="utf-8").splitlines()
        kept = [line for line in old if line.strip() and not _real(line)]
        lines = kept + [json.dumps(row, ensure_ascii=False) for row in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    langs: dict[str, int] = {}
    for a in articles:
        langs[a["language"]] = langs.get(a["language"], 0) + 1
    print(f"{len(articles)} real articles, {len({a['story'] for a in articles})} stories, "
          f"{len(events)} event mentions, {len({e['event'] for e in events})} events; languages {langs}")


if __name__ == "__main__":
    main()
