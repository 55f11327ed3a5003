from hypothesis import assume, given
from hypothesis import strategies as st

from mend.commitments import outcome


def test_it_counts_as_kept_only_when_both_agree():
    assert outcome.status("kept", "confirm", has_receiver=True) == "kept"
    assert outcome.status("kept", None, has_receiver=True) == "awaiting_confirmation"
    assert outcome.status("kept", "dispute", has_receiver=True) == "disputed"


def test_an_admitted_miss_needs_no_agreement():
    assert outcome.status("missed", None, has_receiver=True) == "missed"
    assert outcome.status("missed", "confirm", has_receiver=True) == "missed"
    assert outcome.status("missed", "dispute", has_receiver=True) == "disputed"


def test_a_commitment_to_oneself_rests_on_ones_own_report():
    assert outcome.status("kept", None, has_receiver=False) == "kept"
    assert outcome.status(None, None, has_receiver=False) == "awaiting_report"


def test_tally_and_rate():
    t = outcome.tally(["kept", "kept", "missed", "disputed", "awaiting_report"])
    assert (t.kept, t.missed, t.disputed, t.settled) == (2, 1, 1, 4)
    assert t.rate == 0.5
    assert t.percent == 50
    assert outcome.tally([]).rate is None


def test_the_interval_narrows_as_the_record_grows():
    few = outcome.wilson_interval(4, 5)
    many = outcome.wilson_interval(80, 100)
    assert few[1] - few[0] > many[1] - many[0]
    assert few[0] < 0.8 < few[1]


def test_positive_ratio():
    assert outcome.positive_ratio(3, 7, 1, 1) == {"positive": 10, "negative": 2, "ratio": 5.0}
    assert outcome.positive_ratio(2, 0, 0, 0)["ratio"] is None


@given(st.integers(0, 500), st.integers(0, 500))
def test_the_interval_always_contains_the_observed_rate(kept, extra):
    trials = kept + extra
    interval = outcome.wilson_interval(kept, trials)
    if trials == 0:
        assert interval is None
    else:
        low, high = interval
        assert 0 <= low <= kept / trials <= high <= 1


@given(
    st.sampled_from([None, "kept", "missed"]),
    st.sampled_from([None, "confirm", "dispute"]),
    st.booleans(),
)
def test_kept_always_means_the_maker_said_kept_and_nobody_disagreed(report, response, receiver):
    assume(receiver or response is None)  # nobody can answer a commitment to oneself
    if outcome.status(report, response, receiver) == "kept":
        assert report == "kept"
        assert response != "dispute"
        assert response == "confirm" or not receiver
