"""A second opinion learned from the labelled examples, for what the rules do not yet name.

Rules are precise but narrow: on words they have not seen they miss about half of what people
mean. This small naive-Bayes model (unigrams and bigrams, one yes/no model per category),
trained when the language loads from the same examples shipped in data/, only *adds* a finding
when it is very sure and the rules found nothing for that category; the finding says so in its
explanation. Pure: no Django imports, no third-party packages.
"""

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
TOKEN = re.compile(r"[a-záéíóúñü']+")
MIN_EXAMPLES = 200
SMOOTHING = 0.5
MIN_WEIGHT = 0.25


def features(text: str) -> set[str]:
    words = TOKEN.findall(text.lower().replace("’", "'"))
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


@dataclass(frozen=True)
class Model:
    prior: dict[str, float]  # log odds of each category before reading a word
    weights: dict[str, dict[str, float]]  # per category: feature -> log-likelihood ratio

    def log_odds(self, category: str, feats: set[str]) -> float:
        table = self.weights[category]
        return self.prior[category] + sum(table[f] for f in feats & table.keys())

    def probability(self, category: str, text: str) -> float:
        odds = max(-50.0, min(50.0, self.log_odds(category, features(text))))
        return 1 / (1 + math.exp(-odds))


def train(items: list[dict], categories) -> Model:
    vocabulary = set()
    prepared = [(features(item["text"]), set(item["labels"])) for item in items]
    for feats, _ in prepared:
        vocabulary |= feats
    prior, weights = {}, {}
    for category in categories:
        pos: dict[str, int] = {}
        neg: dict[str, int] = {}
        n_pos = n_neg = 0
        for feats, labels in prepared:
            counts = pos if category in labels else neg
            if category in labels:
                n_pos += 1
            else:
                n_neg += 1
            for f in feats:
                counts[f] = counts.get(f, 0) + 1
        if n_pos == 0:
            continue
        total_pos = sum(pos.values()) + SMOOTHING * len(vocabulary)
        total_neg = sum(neg.values()) + SMOOTHING * len(vocabulary)
        prior[category] = math.log(n_pos + 1) - math.log(n_neg + 1)
        table = {}
        for f in vocabulary:
            weight = math.log((pos.get(f, 0) + SMOOTHING) / total_pos) - math.log(
                (neg.get(f, 0) + SMOOTHING) / total_neg
            )
            # Words that barely tell the categories apart only cost time.
            if abs(weight) >= MIN_WEIGHT:
                table[f] = weight
        weights[category] = table
    return Model(prior, weights)


@cache
def model_for(language: str, categories: tuple[str, ...]) -> Model | None:
    path = DATA / f"dev_{language}.jsonl"
    if not path.exists():
        return None
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    if len(items) < MIN_EXAMPLES:
        return None
    return train(items, categories)
