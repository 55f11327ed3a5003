"""A second opinion learned from the labelled examples, for what the rules do not yet name.

Rules are precise but narrow: on words they have not seen they miss a good part of what people
mean. This small logistic-regression model (word unigrams and bigrams, one yes/no model per
category) is trained from the examples shipped in data/ by `mend coach train`, which writes
data/model_<language>.json; loading the coach only reads those weights. The model adds a finding
only where the rules found nothing for that category and it is fairly sure, and the finding
says so in its explanation. Pure: no Django imports, no third-party packages.
"""

import hashlib
import json
import math
import random
import re
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path

from mend.coach import labelled

DATA = Path(__file__).resolve().parent / "data"
TOKEN = re.compile(r"[a-záéíóúñü']+")
SENTENCE_END = re.compile(r"[.!?;\n]+")
MIN_EXAMPLES = 200
# Training settings, chosen by cross-validation on the English examples (micro-F1 about 0.76
# for the model alone on examples it was not trained on, with 2,949 examples).
EPOCHS = 10
L2 = 3e-4  # weight decay: keeps rare words from deciding alone
LEARNING_RATE = 0.2
SEED = 13
PRECISION = 4  # decimals kept in the shipped weights
MIN_WEIGHT = 0.01  # smaller weights change no decision and only cost space
# Model.scores adds weights as whole numbers packed side by side. Each weight must lie within
# +-FIELD_OFFSET units (+-104.8 at 4 decimals; trained ones stay under 5); a field of FIELD_BITS
# holds the sum of 2^19 features, and a 5,000-character message has at most about 10,000.
FIELD_OFFSET = 1 << 20
FIELD_BITS = 40


def features(text: str) -> set[str]:
    """Words, word pairs, how each sentence opens, and whether the text asks something: "you
    never…" and "I feel…" at the start of a sentence say more than the same words inside one
    (on its own, cross-validated over five folds of 1,875 examples: micro-F1 0.70 without
    them, 0.72 with)."""
    lowered = text.lower().replace("’", "'")
    words = TOKEN.findall(lowered)
    feats = set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}
    for sentence in SENTENCE_END.split(lowered):
        opening = TOKEN.findall(sentence)[:2]
        if opening:
            feats.add("^" + opening[0])
            feats.add("^" + " ".join(opening))
    if "?" in text:
        feats.add("?")
    return feats


@dataclass(frozen=True)
class Model:
    bias: dict[str, float]  # per category: log odds before reading a word
    weights: dict[str, dict[str, float]]  # feature -> {category: weight}
    source: str  # digest of the examples the model was trained from

    def __post_init__(self):
        # Scoring adds a couple of hundred features' weights for each of twenty categories.
        # Each feature's weights are packed into one integer, FIELD_BITS bits per category: the
        # shipped weights have PRECISION decimals, so as whole numbers of 10^-PRECISION, offset
        # to be positive, they add up exactly, and one sum of integers adds every category at
        # once (half the time of summing a tuple of floats per feature, column by column).
        order = tuple(self.bias)
        packed = {}
        for feature, row in self.weights.items():
            value = 0
            for i, category in enumerate(order):
                units = round(row.get(category, 0.0) * 10**PRECISION)
                if abs(units) >= FIELD_OFFSET:
                    raise ValueError(f"weight of {feature!r} for {category} is out of range")
                value |= (units + FIELD_OFFSET) << (FIELD_BITS * i)
            packed[feature] = value
        object.__setattr__(self, "_order", order)
        object.__setattr__(self, "_packed", packed)
        # A word the model does not know counts as weights of zero: every field at its offset.
        unknown = sum(FIELD_OFFSET << (FIELD_BITS * i) for i in range(len(order)))
        object.__setattr__(self, "_unknown", unknown)

    def scores(self, feats: set[str]) -> dict[str, float]:
        """Log odds of every category at once."""
        total = sum(map(self._packed.get, feats, repeat(self._unknown)))
        offsets = len(feats) * FIELD_OFFSET
        mask = (1 << FIELD_BITS) - 1
        return {
            c: self.bias[c] + (((total >> (FIELD_BITS * i)) & mask) - offsets) / 10**PRECISION
            for i, c in enumerate(self._order)
        }

    def probability(self, category: str, text: str) -> float:
        return _sigmoid(self.scores(features(text))[category])

    def as_json(self) -> str:
        return json.dumps(
            {"source": self.source, "bias": self.bias, "weights": self.weights},
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        )


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-max(-50.0, min(50.0, x))))


def digest(items: list[dict]) -> str:
    canonical = json.dumps(items, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


def train(items: list[dict], categories) -> Model:
    """Logistic regression per category, by stochastic gradient descent with L2 decay on every
    weight (kept cheap by holding the weights as scale x vector) and a shrinking step, as in
    Bottou's SGD; positives and negatives weigh as much in total, since most categories are
    rare."""
    prepared = [(sorted(features(item["text"])), set(item["labels"])) for item in items]
    order = list(range(len(prepared)))
    bias: dict[str, float] = {}
    weights: dict[str, dict[str, float]] = {}
    for category in categories:
        positives = sum(category in labels for _, labels in prepared)
        if positives == 0:
            continue
        negatives = len(prepared) - positives
        class_weight = {
            True: len(prepared) / (2 * positives),
            False: len(prepared) / (2 * negatives),
        }
        vector: dict[str, float] = {}
        scale, b, step = 1.0, 0.0, 0
        rng = random.Random(SEED)  # noqa: S311  (shuffling examples, not secrets)
        for _ in range(EPOCHS):
            rng.shuffle(order)
            for i in order:
                feats, labels = prepared[i]
                target = category in labels
                rate = LEARNING_RATE / (1 + LEARNING_RATE * L2 * step)
                step += 1
                z = b + scale * sum(vector.get(f, 0.0) for f in feats)
                grad = (_sigmoid(z) - target) * class_weight[target]
                scale *= 1 - rate * L2
                b -= rate * grad
                for f in feats:
                    vector[f] = vector.get(f, 0.0) - rate * grad / scale
        bias[category] = round(b, PRECISION)
        for f, value in vector.items():
            if abs(value * scale) >= MIN_WEIGHT:
                weights.setdefault(f, {})[category] = round(value * scale, PRECISION)
    return Model(bias, weights, digest(items))


def examples(language: str) -> list[dict]:
    path = DATA / f"dev_{language}.jsonl"
    return labelled.read(path) if path.exists() else []


def model_path(language: str) -> Path:
    return DATA / f"model_{language}.json"


def from_json(text: str) -> Model:
    data = json.loads(text)
    return Model(data["bias"], data["weights"], data["source"])


@cache
def model_for(language: str) -> Model | None:
    """The shipped model for a language; None where too few examples exist to learn from."""
    path = model_path(language)
    if not path.exists():
        return None
    return from_json(path.read_text(encoding="utf-8"))


def train_language(language: str, categories) -> Model | None:
    items = examples(language)
    if len(items) < MIN_EXAMPLES:
        return None
    return train(items, categories)
