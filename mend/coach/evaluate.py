"""Scoring the coach against labelled messages: micro and per-category precision, recall, F1.

Each line of a file is {"text": …, "purpose": …, "labels": [category ids]}; labels are for the
whole message. A label the coach predicts that is not in the set counts as a false positive.
"""

from collections import Counter

from mend.coach.analyze import CATEGORIES, analyze

# Gottman's four patterns, as labelled in public data sets, from Mend's finer categories: their
# "criticism" includes the "you always / you never" lines Mend also calls blame and absolute.
GOTTMAN = {
    "criticism": "criticism",
    "blame": "criticism",
    "absolute": "criticism",
    "contempt": "contempt",
    "defensiveness": "defensiveness",
    "stonewalling": "stonewalling",
}


def as_gottman(items: list[dict], language: str = "en"):
    """Items relabelled for Gottman's four ("healthy" means none), and a matching predictor."""
    relabelled = [
        {**item, "labels": [x for x in item["labels"] if x in GOTTMAN.values()]} for item in items
    ]

    def predict(item):
        labels = analyze(item["text"], item["purpose"], language)["labels"]
        return {GOTTMAN[label] for label in labels if label in GOTTMAN}

    return relabelled, predict


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def score(items: list[dict], language: str = "en", predict=None) -> dict:
    """`predict(item) -> set of labels`; by default the coach's own analysis."""
    predict = predict or (
        lambda item: set(analyze(item["text"], item["purpose"], language)["labels"])
    )
    tp, fp, fn, support = Counter(), Counter(), Counter(), Counter()
    misses = []
    for item in items:
        gold, guess = set(item["labels"]), predict(item)
        for label in gold | guess:
            if label in gold and label in guess:
                tp[label] += 1
            elif label in guess:
                fp[label] += 1
            else:
                fn[label] += 1
        support.update(gold)
        if gold != guess:
            misses.append(
                {"text": item["text"], "expected": sorted(gold), "predicted": sorted(guess)}
            )
    labels = [c for c in CATEGORIES if support[c] or fp[c]] + sorted(set(support) - set(CATEGORIES))
    per_category = {c: {**_prf(tp[c], fp[c], fn[c]), "support": support[c]} for c in labels}
    micro = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {"items": len(items), "micro": micro, "per_category": per_category, "misses": misses}


def table(result: dict) -> str:
    lines = [f"{'category':<20}{'precision':>10}{'recall':>10}{'f1':>8}{'support':>9}"]
    for name, row in result["per_category"].items():
        lines.append(
            f"{name:<20}{row['precision']:>10.2f}{row['recall']:>10.2f}"
            f"{row['f1']:>8.2f}{row['support']:>9}"
        )
    m = result["micro"]
    lines.append(
        f"{'micro':<20}{m['precision']:>10.2f}{m['recall']:>10.2f}{m['f1']:>8.2f}"
        f"{result['items']:>9}"
    )
    return "\n".join(lines)
