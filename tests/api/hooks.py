"""Schemathesis hooks: the Polish registry numbers the API's schema names as formats.

A JSON Schema pattern can say "ten digits" but not "with a valid check digit"; these
formats let the generator make numbers that pass the check, so that the tests of valid
input exercise more than the refusal of a bad check digit.
"""
import schemathesis
from hypothesis import strategies as st


def _with_check(weights, modulus_fix):
    def build(digits):
        check = modulus_fix(sum(d * w for d, w in zip(digits, weights)))
        return None if check is None else "".join(map(str, digits + [check]))

    return (
        st.lists(st.integers(0, 9), min_size=len(weights), max_size=len(weights))
        .map(build)
        .filter(lambda s: s is not None)
    )


def _nip_check(total):
    r = total % 11
    return None if r == 10 else r


schemathesis.openapi.format("pl-nip", _with_check([6, 5, 7, 2, 3, 4, 5, 6, 7], _nip_check))
schemathesis.openapi.format(
    "pl-regon",
    st.one_of(
        _with_check([8, 9, 2, 3, 4, 5, 6, 7], lambda t: t % 11 % 10),
        _with_check([2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8], lambda t: t % 11 % 10),
    ),
)
schemathesis.openapi.format(
    "pl-pesel", _with_check([1, 3, 7, 9, 1, 3, 7, 9, 1, 3], lambda t: (10 - t % 10) % 10)
)
