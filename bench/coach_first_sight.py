"""The coach on words it had not seen: each labelled batch scored by the coach as it stood in
the commit before the batch was added, against the labels the batch carries now.

    .venv/bin/python bench/coach_first_sight.py [--batches N]

Batches are the commits whose subject starts "Coach: batch N"; a batch's items are the lines it
added to data/dev_en.jsonl whose text the set did not hold before (a relabelled old line is not
a new item). Each parent commit is checked out into a temporary git worktree and imported from
there, so the figures need nothing but this repository's history. Prints the table `mend coach
eval` prints, over all the batches together.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mend.coach.evaluate import score, table  # noqa: E402

DEV = "mend/coach/data/dev_en.jsonl"
SCORE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from mend.coach import analyze
for line in sys.stdin:
    item = json.loads(line)
    print(json.dumps(analyze(item["text"], item["purpose"])["labels"]))
"""


def git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def batches(count: int | None) -> list[tuple[str, str]]:
    """(commit, subject) of the newest `count` batch commits, or of all of them."""
    log = git("log", "--format=%h %s", "--", DEV).splitlines()
    found = [
        line.split(" ", 1) for line in log if line.split(" ", 1)[1].startswith("Coach: batch ")
    ]
    return found[:count] if count else found


def new_items(commit: str) -> list[str]:
    before = {json.loads(line)["text"] for line in git("show", f"{commit}^:{DEV}").splitlines()}
    added = [
        line[1:]
        for line in git("diff", f"{commit}^", commit, "--", DEV).splitlines()
        if line.startswith("+{")
    ]
    return [line for line in added if json.loads(line)["text"] not in before]


def first_sight(commit: str, items: list[str]) -> list[list[str]]:
    """What the coach of the commit before `commit` found in each item."""
    with tempfile.TemporaryDirectory() as tree:
        git("worktree", "add", "--detach", tree, f"{commit}^")
        try:
            out = subprocess.run(
                [sys.executable, "-c", SCORE, tree],
                input="\n".join(items) + "\n",
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        finally:
            git("worktree", "remove", "--force", tree)
    return [json.loads(line) for line in out.splitlines()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, help="Only the newest N (default: every batch).")
    args = parser.parse_args()
    chosen = batches(args.batches)
    scored = []
    for commit, _ in chosen:
        items = new_items(commit)
        found = first_sight(commit, items)
        scored += [{**json.loads(item), "found": f} for item, f in zip(items, found, strict=True)]
    names = ", ".join(subject.split()[2] for _, subject in reversed(chosen))
    print(f"{len(chosen)} batches ({names})")
    # Scored as `mend coach eval` scores: what each batch's coach found stands in for a fresh run.
    print(table(score(scored, predict=lambda item: set(item["found"]))))


if __name__ == "__main__":
    main()
