"""The coach engine: spans, explanations, context, apologies, rewrites, and its scores."""

import functools
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mend.coach import CATEGORIES, analyze, evaluate, labelled

DATA = Path(__file__).resolve().parent.parent / "mend" / "coach" / "data"


def labels(text, purpose="message", language="en"):
    return analyze(text, purpose, language)["labels"]


def test_every_finding_says_where_why_and_what_instead():
    text = "Honestly, you never listen to me."
    result = analyze(text, "message")
    assert result["findings"]
    for f in result["findings"]:
        assert text[f["start"] : f["end"]] == f["text"]
        assert f["category"] in CATEGORIES
        assert f["severity"] in ("low", "medium", "high", "positive")
        assert f["explanation"].endswith(".") and f["suggestion"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I feel like you only think of yourself", {"blame"}),
        ("You're so careless.", {"criticism"}),
        ("I can never do anything right in your eyes.", {"defensiveness"}),
        ("I'm out of this conversation.", {"stonewalling"}),
        ("Fine, forget it.", {"stonewalling"}),
        ("You're blowing this up.", {"minimizing"}),
        ("You're making things up.", {"gaslighting"}),
        ("It's all in your head.", {"gaslighting"}),
        ("You take everything the wrong way.", {"gaslighting"}),
        ("How long until you trust me?", {"timeline_pressure"}),
        ("It's time to put this behind us.", {"timeline_pressure"}),
        ("Give me your password.", {"control"}),
        ("If you leave, you'll regret it.", {"threat"}),
        ("I felt invisible when you were on your phone.", {"i_statement"}),
        ("I need a few minutes.", {"i_statement"}),
        ("If I understand you, you felt alone.", {"reflection"}),
        ("I can see why you'd feel that way.", {"validation"}),
        ("What would help you feel safer?", {"curiosity"}),
    ],
)
def test_it_recognises_each_category(text, expected):
    assert set(labels(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "My sister said I was overreacting.",
        "You always know how to cheer me up.",
        "It's no big deal that the package came late.",
        '"You\'re so careless," my father used to say.',
        "'You never listen, you're so selfish' was her text to me last night.",
        "I'm not saying you're lazy.",
        "Can we talk later?",
    ],
)
def test_context_keeps_harmless_words_harmless(text):
    assert not set(labels(text)) & {
        "blame",
        "absolute",
        "criticism",
        "minimizing",
        "stonewalling",
        "contempt",
    }
    assert "curiosity" not in labels(text)


def test_single_quotes_mark_someone_elses_words_but_apostrophes_do_not():
    from mend.coach.analyze import single_quoted

    said = "He said 'you're never on time' and I didn't answer."
    assert [said[a:b] for a, b in single_quoted(said)] == ["'you're never on time'"]
    # Apostrophes in "it's" and "the kids' tea" open no quote; one word in quotes is scorn.
    assert single_quoted("It's the kids' tea, you're always late.") == []
    assert single_quoted("A whole evening to 'process' a text?") == []
    assert {"absolute", "blame"} <= set(labels("It's the kids' tea, you're always late."))


@pytest.mark.parametrize(
    ("text", "expected", "span"),
    [
        ("u never listen to me", {"absolute", "blame"}, "u never"),
        ("ur so selfish", {"criticism"}, "ur so selfish"),
        # "your" typed for "you're", where a possessive could not stand.
        ("your always late", {"absolute", "blame"}, "your always"),
        ("your never home", {"absolute", "blame"}, "your never"),
        ("send me ur location now", {"control"}, "send me ur location now"),
        ("idc, do what u want", {"stonewalling"}, "idc, do what u want"),
        ("thats on me, no excuses", {"ownership"}, "thats on me"),
        # Spelled-out forms are read contracted, as most patterns are written.
        ("I shall never again read your post.", {"commitment"}, "I shall never again"),
        ("I do not intend to discuss this further.", {"stonewalling"}, None),
        # With "not", the longer form wins: "you won't", not "you'll not".
        ("You will not see him again.", {"control"}, "You will not see"),
        ("Who do you think you are?", {"contempt"}, None),
    ],
)
def test_texting_shorthand_is_read_written_out_and_spans_point_at_what_was_typed(
    text, expected, span
):
    result = analyze(text, "message")
    assert set(result["labels"]) == expected
    assert span is None or span in [f["text"] for f in result["findings"]]
    for f in result["findings"]:
        assert text[f["start"] : f["end"]] == f["text"]


@pytest.mark.parametrize(
    ("text", "scornful"),
    [
        # Curses and hatred, and the same words not aimed at anyone.
        ("screw you", True),
        ("Fuck off.", True),
        ("Get lost.", True),
        ("go to hell", True),
        ("i hate you", True),
        ("Get lost in a good book this weekend!", False),
        ("You look drop dead gorgeous, as always.", False),
        ("I don't hate you, I'm hurt.", False),
        ("I could never hate you.", False),
        # Praise that opens a complaint is sarcasm; sincere praise is not.
        ("Oh wonderful, another evening of you on your phone.", True),
        ("Lovely to hear from you after three days of silence.", True),
        ("Bravo, another promise broken.", True),
        ("Bravo on the marathon, you smashed it!", False),
        ("Lovely to hear from you, call me tonight?", False),
        ("Well done on the exam, I'm so proud of you!", False),
    ],
)
def test_contempt_is_found_and_its_kind_look_alikes_are_left_alone(text, scornful):
    assert ("contempt" in labels(text)) is scornful


def test_a_letter_that_lengthens_when_lower_cased_shifts_no_span():
    """ "İ" lower-cases to two characters; the rules read lower-cased text, so a naive
    lower() would move every span after it."""
    text = "İzmir was lovely. But YOU NEVER listen to me."
    found = [(f["category"], f["text"]) for f in analyze(text, "message")["findings"]]
    assert ("absolute", "YOU NEVER") in found


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("I will not do it again", "I won't do it again"),
        ("I will not.", "I won't."),
        ("you are so mean", "you're so mean"),
        # A positive form cannot be contracted at the end of a clause.
        ("I'm not the bad guy here, you are.", None),
        ("Yes I am.", None),
    ],
)
def test_spelled_out_forms_are_contracted_only_where_english_would(typed, read):
    from mend.coach import rules

    expanded = rules.load("en").shorthand.expand(typed)
    assert (expanded[0] if expanded else None) == read


def test_an_accusation_that_ends_the_sentence_is_still_read():
    assert "blame" in labels("I'm not the bad guy here, you are.")


@pytest.mark.parametrize(
    "text",
    ["I feel ill today.", "I left my ID at home.", "u ok?", "Your right to privacy matters."],
)
def test_shorthand_leaves_ordinary_words_alone(text):
    assert labels(text) in ([], ["i_statement"])


SHORTHAND = ["u", "ur", "your", "r", "im", "idk", "idc", "pls", "thx", "y", "id", "gonna", "tbh"]


@given(
    st.lists(
        st.one_of(
            st.sampled_from(SHORTHAND),
            st.sampled_from(["never", "always", "so", "lazy", "sorry", "I", "you", "."]),
            st.text(alphabet="abcdefghijklmnopqrstuvwxyz'’ ,.!?", max_size=12),
        ),
        max_size=30,
    )
)
def test_every_span_points_at_the_typed_text_whatever_the_shorthand(words):
    text = " ".join(words)
    for f in analyze(text, "message")["findings"]:
        assert 0 <= f["start"] < f["end"] <= len(text)
        assert text[f["start"] : f["end"]] == f["text"]


def test_a_phrase_written_once_in_shared_signals_every_category_that_names_it():
    """ "@nothing_without_me" stands in both contempt's and threat's patterns."""
    assert {"contempt", "threat"} <= set(labels("You'd be nothing without me."))


def test_a_promise_not_to_repeat_is_a_commitment_not_control():
    assert labels("I won't ever hide money from you again.") == ["commitment"]


def test_a_boundary_with_its_consequence_is_not_a_threat():
    result = labels("If it happens again, I'll stay at my brother's for a few days.", "boundary")
    assert result == ["i_statement"]


def test_non_apologies_are_named():
    for text in (
        "I'm sorry if you felt hurt.",
        "Sorry, but you started it.",
        "I'm sorry you feel that way.",
        "Mistakes were made.",
        "I apologise for whatever I did.",
    ):
        assert "non_apology" in labels(text, "apology"), text


def test_a_full_apology_has_every_part():
    text = (
        "I deleted the messages before you could see them. It was wrong, and it's on me. "
        "I know it made you doubt your own memory. From now on I'll show you my phone "
        "whenever you ask."
    )
    parts = {p["part"]: p for p in analyze(text, "apology")["apology"]}
    assert all(p["present"] for p in parts.values()), parts


def test_a_thin_apology_is_told_what_is_missing():
    parts = {
        p["part"]: p
        for p in analyze("I'm sorry if I hurt you, but please forgive me.", "apology")["apology"]
    }
    assert not parts["specific"]["present"] and parts["specific"]["advice"]
    assert not parts["no_excuse"]["present"]
    assert not parts["asks_nothing"]["present"]
    assert not parts["commitment"]["present"]


def test_blame_gets_i_statement_rewrites_built_from_the_sentence():
    result = analyze("You never listen to me when I talk about work.", "message")
    rewrites = result["rewrites"]
    assert len(rewrites) >= 2
    assert all(r["text"].startswith("I feel") for r in rewrites)
    assert all("listen to me when I talk about work" in r["text"] for r in rewrites)
    assert all("never" not in r["text"] for r in rewrites)


def test_a_rewrite_uses_the_clause_that_was_found_not_the_first_you():
    result = analyze("I'm sorry if you were upset, but you always overreact.", "apology")
    assert result["rewrites"] and all(
        "when you overreact," in r["text"] and "upset" not in r["text"] for r in result["rewrites"]
    )

    sarcastic = analyze("You never help, thanks for nothing.", "message")
    assert {"absolute", "blame", "contempt"} <= set(sarcastic["labels"])  # not praise
    assert all("nothing" not in r["text"] for r in sarcastic["rewrites"])

    # A second accusation after a comma is another point, not part of the behaviour; findings
    # that touch the first ("You always" + "leave me to clean up") are the same point.
    two = analyze("u never listen, ur so selfish", "message")
    assert all("when you don't listen," in r["text"] for r in two["rewrites"])
    one = analyze("You always leave me to clean up after your friends.", "message")
    assert all(
        "when you leave me to clean up after your friends," in r["text"] for r in one["rewrites"]
    )


def test_helpful_words_get_no_rewrite():
    assert analyze("I felt alone last night.", "checkin")["rewrites"] == []


def test_unknown_purpose_or_language_is_refused():
    with pytest.raises(ValueError):
        analyze("hi", "poem")
    with pytest.raises(ValueError):
        analyze("hi", "message", "xx")


def test_the_development_set_scores_stay_above_the_bar():
    items = labelled.read(DATA / "dev_en.jsonl")
    assert len(items) >= 300
    result = evaluate.score(items)
    assert result["micro"]["f1"] >= 0.9
    for name, row in result["per_category"].items():
        if row["support"] >= 3:
            assert row["f1"] >= 0.75, (name, row)


def test_scores_are_computed_as_published():
    items = [
        {"text": "a", "purpose": "message", "labels": ["blame"]},
        {"text": "b", "purpose": "message", "labels": []},
    ]
    guesses = iter([{"blame", "absolute"}, {"absolute"}])
    result = evaluate.score(items, predict=lambda item: next(guesses))
    assert result["per_category"]["blame"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "support": 1,
    }
    assert result["per_category"]["absolute"]["precision"] == 0.0
    assert result["micro"] == {"precision": 0.3333, "recall": 1.0, "f1": 0.5}


# Spanish: the same engine, its own rules file.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Es tu culpa que lleguemos tarde.", {"blame"}),
        ("Nunca me escuchas.", {"blame", "absolute"}),
        ("Cada vez que hablo, me interrumpes.", {"absolute"}),
        ("Lo siento si te sentiste mal.", {"non_apology"}),
        ("Perdón, pero tú empezaste.", {"non_apology", "blame"}),
        ("Me sentí sola cuando te fuiste.", {"i_statement"}),
        ("Necesito un momento.", {"i_statement"}),
        ("Siempre sabes cómo hacerme reír.", set()),
        ("Mi hermana dijo que era tu culpa.", set()),
    ],
)
def test_spanish(text, expected):
    assert set(labels(text, "message", "es")) == expected


def test_spanish_development_set():
    result = evaluate.score(labelled.read(DATA / "dev_es.jsonl"), "es")
    assert result["micro"]["f1"] >= 0.9


def test_the_development_sets_are_well_formed():
    for path in DATA.glob("dev_*.jsonl"):
        for line in path.read_text().splitlines():
            item = json.loads(line)
            assert set(item) == {"text", "purpose", "labels"}
            assert set(item["labels"]) <= set(CATEGORIES)


def _command(*args) -> str:
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("coach", *args, stdout=out)
    return out.getvalue()


def test_the_eval_command_prints_micro_and_per_category_json(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text(
        '{"text": "You never listen.", "purpose": "message", '
        '"labels": ["blame", "absolute"]}\n'
        '{"text": "Thanks for dinner.", "purpose": "message", "labels": []}\n'
    )
    data = json.loads(_command("eval", str(path), "--json"))
    assert data["micro"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert data["per_category"]["blame"]["support"] == 1
    assert "micro" in _command("eval", str(path))  # the readable table


def test_the_eval_command_maps_gottmans_four(tmp_path):
    path = tmp_path / "gottman.jsonl"
    path.write_text(
        '{"text": "A: You always forget.", "labels": ["criticism"]}\n'
        '{"text": "A: I hear you.", "labels": ["healthy"]}\n'
    )
    data = json.loads(_command("eval", str(path), "--json", "--gottman"))
    assert data["micro"]["f1"] == 1.0
    assert set(data["per_category"]) == {"criticism"}


def test_the_analyze_command_prints_findings_json():
    data = json.loads(
        _command("analyze", "I'm sorry if you felt hurt.", "--purpose", "apology", "--json")
    )
    assert data["labels"] == ["non_apology"]
    assert data["findings"][0]["text"] == "I'm sorry if"


def test_a_malformed_file_is_a_clear_error(tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "bad.jsonl"
    path.write_text("{not json\n")
    with pytest.raises(CommandError, match="bad.jsonl:1"):
        _command("eval", str(path))


def test_the_learned_second_opinion_adds_what_the_rules_miss_and_says_so():
    result = analyze("You keep secrets and then act surprised when I'm suspicious.", "message")
    finding = next(f for f in result["findings"] if f["category"] == "blame")
    assert "how the sentence as a whole is put" in finding["explanation"]
    assert finding["text"].startswith("You keep secrets")


def test_the_shipped_model_was_trained_from_the_shipped_examples():
    """Editing data/dev_en.jsonl without `mend coach train` fails here."""
    from mend.coach import learned

    model = learned.model_for("en")
    assert model is not None and set(model.bias) == set(CATEGORIES)
    assert model.source == learned.digest(learned.examples("en"))
    assert model.probability("blame", "you ruined everything") > 0.5
    assert model.probability("blame", "thank you for dinner") < 0.5
    assert learned.model_for("es") is None  # too few Spanish examples yet


def test_training_learns_the_examples_and_is_repeatable():
    from mend.coach import learned

    items = learned.examples("en")[:300]
    first, second = learned.train(items, CATEGORIES), learned.train(items, CATEGORIES)
    assert first == second
    for item in items[:50]:
        for category in item["labels"]:
            assert first.probability(category, item["text"]) > 0.5, (category, item["text"])


@given(st.lists(st.sampled_from(["you", "never", "i", "feel", "sorry", "?", "^you"]), max_size=40))
def test_packed_scores_are_the_sums_of_the_weights(words):
    """Model.scores adds packed integers; it must give what adding each weight gives, also
    with weights at the edge of their range and with features the model does not know."""
    from mend.coach import learned

    weights = {"you": {"blame": 104.8575, "i_statement": -104.8575}, "never": {"blame": 0.5}}
    weights |= {w: {"i_statement": 1.25, "blame": -0.0001} for w in ("i", "feel", "?")}
    model = learned.Model({"blame": -2.0, "i_statement": 0.5}, weights, "test")
    feats = {w + str(n) if n else w for n, w in enumerate(words)}  # some unknown features
    for category, bias in model.bias.items():
        expected = bias + sum(weights[f].get(category, 0.0) for f in feats if f in weights)
        assert model.scores(feats)[category] == pytest.approx(expected, abs=1e-9)
    with pytest.raises(ValueError, match="out of range"):
        learned.Model({"blame": 0.0}, {"you": {"blame": -104.8576}}, "test")


def test_train_command_writes_the_model_from_the_examples(tmp_path, monkeypatch):
    from django.core.management.base import CommandError

    from mend.coach import learned

    few = learned.examples("en")[:250]
    monkeypatch.setattr(learned, "examples", lambda language: few if language == "en" else [])
    monkeypatch.setattr(learned, "model_path", lambda language: tmp_path / f"m_{language}.json")
    assert "Wrote" in _command("train")
    written = learned.from_json((tmp_path / "m_en.json").read_text())
    assert written.source == learned.digest(few)
    with pytest.raises(CommandError, match="Too few es examples"):
        _command("train", "--language", "es")


def test_a_pattern_is_filed_under_what_its_matches_start_with():
    from mend.coach.matcher import starts

    assert starts(r"\byou never") == {"you ne"}
    # After a mark, \s* may match nothing: ".yawn" is a key too, and "." alone for ". yawn".
    assert starts(r"(?:^|[.!?]\s*)yawn\b") == {"yawn", ".", "!", "?", ".yawn", "!yawn", "?yawn"}
    assert starts(r"i['’]?m sorry") == {"i'm so", "i’m so", "im sor"}
    assert starts(r"(?:oh )?poor you") == {"oh poo", "poor y"}
    # Many ways to start (five marks, optional openers): filed all the same, not scanned.
    assert {"grow u", ",", "oh, gr", "just g"} <= starts(r"(?:^|[.!?,;]\s*)(?:oh,? |just )?grow up")
    assert starts(r"\w+ing") is None  # could start with any letter
    assert starts(r"^\s*me\?") is None  # could start with a space


def test_a_pattern_that_opens_a_sentence_is_tried_past_the_mark_and_any_spaces():
    """Such patterns are filed under the mark and tried only when the word after it fits."""
    from mend.coach import rules

    matcher = rules.load("en").matcher
    for text in ("ok. yawn.", "ok.yawn.", "ok.\n\n   yawn.", "yawn."):
        spans = matcher.matches(text, {"contempt"}).get("contempt", [])
        assert [text[a:b].strip(". \n") for a, b in spans] == ["yawn"], text
    assert "contempt" not in matcher.matches("ok; yawn.", {"contempt"})  # not after ";"
    assert "contempt" not in matcher.matches("ok yawn.", {"contempt"})
    # Past the start they can only match from a mark, so no word's key holds them: the two
    # with many openings had put a pattern under nearly every letter.
    assert {key for key in matcher.at if len(key) == 1 and key.isalpha()} == {"i"}


def _scanned(pattern, text: str) -> list[tuple[int, int]]:
    """What reading the text from the start finds: the leftmost match (the first pattern in
    order there), then on from where it ends; never starting inside a word."""
    found, pos = [], 0
    while m := pattern.search(text, pos):
        start = m.start()
        if start > 0 and text[start].isalnum() and text[start - 1].isalnum():
            pos = start + 1
        elif m.end() > start:
            found.append(m.span())
            pos = m.end()
        else:
            pos = start + 1
    return found


@functools.cache
def _reference_scans(code: str) -> dict:
    """Each category's patterns as one alternation, to scan with."""
    import re

    from mend.coach import rules
    from mend.coach.matcher import opener

    def in_order(patterns):  # file order, but those that open a sentence last
        lowered = [rules.lowered(p) for p in patterns]
        return [p for p in lowered if not opener(p)] + [p for p in lowered if opener(p)]

    spec = rules.tomllib.loads((rules.RULES_DIR / f"{code}.toml").read_text())
    shared = spec.get("shared", {})
    return {
        cid: re.compile(
            "|".join(f"(?:{p})" for p in in_order(rules.written(category, "patterns", shared)))
        )
        for cid, category in spec["categories"].items()
    }


def _scans_agree(code: str, texts) -> None:
    from mend.coach import rules

    language = rules.load(code)
    scans = _reference_scans(code)
    for text in texts:
        text = text.lower()
        filed = language.matcher.matches(text, scans)
        for cid, pattern in scans.items():
            assert filed.get(cid, []) == _scanned(pattern, text), (code, cid, text)


def test_filing_patterns_by_their_start_finds_what_a_scan_finds():
    """The matcher tries each pattern only where its key stands; a wrong key would silently
    drop matches, and a wrong merge would change which of two patterns wins a place."""
    from mend.coach import learned, rules

    for code in rules.available():
        texts = [item["text"] for item in learned.examples(code)]
        _scans_agree(code, texts[::4] if code == "en" else texts)


def test_the_matchers_memo_of_where_patterns_start_stays_small_and_changes_nothing(monkeypatch):
    """Which patterns can start at a word is remembered by the characters there; a full memo
    is emptied, and what is found is the same whether it was remembered or looked up."""
    from mend.coach import learned, matcher, rules

    texts = [item["text"] for item in learned.examples("en")][1::20]
    _scans_agree("en", texts + texts)  # the second time, from the memo
    memo = rules.load("en").matcher._memo
    memo.clear()
    monkeypatch.setattr(matcher, "MEMO_SIZE", 16)
    _scans_agree("en", texts)
    assert 0 < len(memo) <= 16


# With words some patterns open a sentence with ("yawn", "grow up", "sure"), so that the
# patterns filed after a mark are tried too.
_WORDS = ("you", "never", "i", "im", "i'm", "feel", "so", "sorry", "but", "fine", "whatever")
_WORDS += ("yawn", "grow", "up", "sure", "classic", "oh", "happy")
_MARKS = list(".,!?;:'’\"() \n*🙄")


@given(
    st.lists(
        st.one_of(st.sampled_from(_WORDS), st.sampled_from(_MARKS), st.text(max_size=5)),
        max_size=30,
    )
)
def test_the_matcher_agrees_with_a_scan_on_any_text(pieces):
    _scans_agree("en", [" ".join(pieces).replace("_", " ")])
