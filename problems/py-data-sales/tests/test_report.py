from pathlib import Path

import pytest

from report import summarize

DATA = Path(__file__).resolve().parent.parent / "sales.csv"


@pytest.fixture(scope="module")
def summary():
    return summarize(DATA)


def test_revenue_per_region(summary):
    assert summary["revenue_by_region"] == {
        "north": 238.3,
        "south": 285.8,
        "west": 248.3,
    }


def test_best_seller_by_units(summary):
    assert summary["best_seller"] == "grinder"


def test_revenue_per_month_in_order(summary):
    months = summary["revenue_by_month"]
    assert list(months) == ["2024-01", "2024-02", "2024-03"]
    assert months == {"2024-01": 283.2, "2024-02": 266.5, "2024-03": 222.7}


def test_totals_agree(summary):
    assert round(sum(summary["revenue_by_region"].values()), 2) == round(
        sum(summary["revenue_by_month"].values()), 2
    )
