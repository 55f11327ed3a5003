import base64

from hypothesis import given
from hypothesis import strategies as st

from mend.accounts import totp

# RFC 6238 appendix B, SHA-1 key "12345678901234567890", 8-digit codes; we use the last 6.
RFC_SECRET = base64.b32encode(b"12345678901234567890").decode()
RFC_VECTORS = {
    59: "94287082",
    1111111109: "07081804",
    1111111111: "14050471",
    1234567890: "89005924",
    2000000000: "69279037",
}


def test_it_matches_the_rfc_6238_test_vectors():
    for unix_time, eight_digits in RFC_VECTORS.items():
        assert totp.code_at(RFC_SECRET, totp.step_of(unix_time)) == eight_digits[-6:]


def test_a_code_works_once():
    secret = totp.new_secret()
    now = 1_800_000_000
    code = totp.code_at(secret, totp.step_of(now))
    step = totp.matching_step(secret, code, now, last_used=None)
    assert step == totp.step_of(now)
    assert totp.matching_step(secret, code, now, last_used=step) is None


def test_it_allows_one_step_of_drift_and_no_more():
    secret = totp.new_secret()
    now = 1_800_000_000
    previous = totp.code_at(secret, totp.step_of(now) - 1)
    too_old = totp.code_at(secret, totp.step_of(now) - 2)
    assert totp.matching_step(secret, previous, now, None) is not None
    assert totp.matching_step(secret, too_old, now, None) is None


def test_it_rejects_malformed_codes():
    secret = totp.new_secret()
    for bad in ("", "12345", "1234567", "abcdef", "12 34 5x"):
        assert totp.matching_step(secret, bad, 1_800_000_000, None) is None


def test_the_provisioning_uri_names_the_account():
    uri = totp.provisioning_uri("ABC", "a@example.org")
    assert uri.startswith("otpauth://totp/Mend%3Aa%40example.org?secret=ABC")


@given(st.integers(0, 10**10))
def test_codes_are_six_digits(unix_time):
    assert len(totp.code_at(RFC_SECRET, totp.step_of(unix_time))) == 6


def test_recovery_codes_are_distinct_and_normalise():
    codes = totp.new_recovery_codes()
    assert len(set(codes)) == 10
    assert totp.normalise_recovery_code(" AB2C-d3Ef-gh4k ") == "ab2cd3efgh4k"
