import pytest

import pricing


def test_cart_total():
    assert pricing.cart_total([10.0, 20.0, 30.0], 10) == 54.0


def test_invoice_total_adds_vat_after_the_discount():
    assert pricing.invoice_total([(19.99, 3), (5.0, 2)], 15) == 71.36


def test_quote():
    assert pricing.quote(7.5, 80, 5) == {"hours": 7.5, "amount": 570.0}


@pytest.mark.parametrize("bad", [-1, 101])
def test_discount_out_of_range_is_rejected(bad):
    with pytest.raises(ValueError):
        pricing.cart_total([1.0], bad)
    with pytest.raises(ValueError):
        pricing.quote(1, 1, bad)


def test_apply_discount_exists():
    assert pricing.apply_discount(100, 15) == 85.0
    assert pricing.apply_discount(19.99, 0) == 19.99
    with pytest.raises(ValueError):
        pricing.apply_discount(10, 120)


def test_every_price_goes_through_apply_discount(monkeypatch):
    calls = []

    def spy(amount, percent):
        calls.append((round(amount, 2), percent))
        return 1.0

    monkeypatch.setattr(pricing, "apply_discount", spy)
    assert pricing.cart_total([2.0, 3.0], 10) == 1.0
    assert pricing.invoice_total([(10.0, 2)], 20) == 1.2
    assert pricing.quote(2, 50, 5) == {"hours": 2, "amount": 1.0}
    assert calls == [(5.0, 10), (20.0, 20), (100, 5)]
