"""Check `sidebyside collate` against the acceptance stories (issue 15's "done when").

For each story (by default the bundled seeds with ../shared/acceptance/seeds.gold.json,
and ../shared/acceptance/pipe-bomb-2018 with its gold.json), runs the app's JSON commands
as a script would (`articles --format json` for the sentences, `collate --format json`)
and checks:

* every sentence of every article stands in exactly one row;
* every gold `same_row` pair (the `alignment` entries) shares a row: a snippet finds its
  sentence as the acceptance scorer does (`score.py`'s `norm`, a substring match);
* for an `all_a_identical` pair (the seeds' Reuters and SMA News), the two articles'
  cells are identical on every row that carries either.

    python scripts/check_collate.py [--cmd "python -m sidebyside"] [STORY GOLD ...]

Prints one line per check and the totals; exit status 1 when any check fails. Lives
outside tests/ because the tests never read ../shared.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACCEPTANCE = ROOT.parent / "shared" / "acceptance"
sys.path.insert(0, str(ACCEPTANCE))

from score import norm  # type: ignore[import-not-found]  # noqa: E402  (the scorer's own snippet matching)

DEFAULT_STORIES = [
    (ROOT / "seeds", ACCEPTANCE / "seeds.gold.json"),
    (ACCEPTANCE / "pipe-bomb-2018", ACCEPTANCE / "pipe-bomb-2018" / "gold.json"),
]


def run_json(cmd: list[str]) -> dict:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{shlex.join(cmd)} failed ({done.returncode}): {done.stderr.strip()}")
    return json.loads(done.stdout)


def check_story(cmd: list[str], story: Path, gold_path: Path) -> tuple[int, int]:
    """Run the checks on one story; return (passed, failed)."""
    sentences = {
        a["id"]: a["sentences"] for a in run_json(cmd + ["articles", str(story), "--format", "json"])["articles"]
    }
    collation = run_json(cmd + ["collate", str(story), "--format", "json"])
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    rows = collation["rows"]
    passed = failed = 0

    def check(ok: bool, what: str) -> None:
        nonlocal passed, failed
        passed += ok
        failed += not ok
        print(f"  {'ok  ' if ok else 'FAIL'} {what}")

    print(f"{story} ({len(sentences)} articles, {len(rows)} rows)")
    for aid, texts in sentences.items():
        seen = sorted(row["cells"][aid] for row in rows if row["cells"][aid] is not None)
        check(seen == list(range(len(texts))), f"{aid}: each of its {len(texts)} sentences in exactly one row")
    for spec in gold.get("alignment", []):
        a, b = spec["pair"]
        for a_snip, b_snip in spec.get("same_row", []):
            ia = {i for i, s in enumerate(sentences[a]) if norm(a_snip) in norm(s)}
            ib = {i for i, s in enumerate(sentences[b]) if norm(b_snip) in norm(s)}
            ok = any(row["cells"][a] in ia and row["cells"][b] in ib for row in rows)
            check(ok, f"{a} ~ {b}: {a_snip[:40]!r} shares a row with {b_snip[:40]!r}")
        if spec.get("all_a_identical"):
            carrying = [row for row in rows if row["cells"][a] is not None or row["cells"][b] is not None]
            same = all(row["cells"][a] == row["cells"][b] for row in carrying)
            check(same, f"{a} ~ {b}: identical cells on all {len(carrying)} rows carrying either")
    return passed, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cmd", default="sidebyside", help="how to run the app (default: sidebyside)")
    parser.add_argument("pairs", nargs="*", metavar="STORY GOLD", help="story folders, each followed by its gold file")
    args = parser.parse_args()
    if len(args.pairs) % 2:
        parser.error("give each STORY with its GOLD file")
    stories = [(Path(s), Path(g)) for s, g in zip(args.pairs[::2], args.pairs[1::2], strict=True)] or DEFAULT_STORIES
    passed = failed = 0
    for story, gold in stories:
        p, f = check_story(shlex.split(args.cmd), story, gold)
        passed, failed = passed + p, failed + f
    print(f"{passed} checks passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
