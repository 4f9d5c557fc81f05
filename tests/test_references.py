"""Values read from Dutch parliamentary text (``kamervragen.references``) that the families share."""

from __future__ import annotations

import pytest

from kamervragen.references import parse_numbers


@pytest.mark.parametrize(
    ("printed", "numbers"),
    [
        ("1", (1,)),
        ("3, 4 en 5", (3, 4, 5)),
        ("7, 8, 9 10 en 11", (7, 8, 9, 10, 11)),  # a comma missing, as printed in a real document
        ("3-5", (3, 4, 5)),
        ("3–5", (3, 4, 5)),
        ("3 t/m 5", (3, 4, 5)),
        ("3 T/M 5", (3, 4, 5)),
        ("3 tot en met 5", (3, 4, 5)),
        ("2 en 4 t/m 6", (2, 4, 5, 6)),
        ("12a", (12,)),
        ("12a-14", (12, 13, 14)),
        ("5 en 5", (5,)),
        ("1-51", tuple(range(1, 52))),  # a range of at most 50 steps is expanded
        ("1-52", (1, 52)),  # a longer one is two numbers, as printed
        ("5-3", (5, 3)),  # a range that runs downwards: both numbers, none lost
        ("", ()),
        (None, ()),
    ],
)
def test_parse_numbers(printed: str | None, numbers: tuple[int, ...]) -> None:
    assert parse_numbers(printed) == numbers
