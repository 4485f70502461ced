"""Prices for carts, invoices and quotes. Amounts are in euros."""

VAT = 0.2


def apply_discount(amount, percent):
    """amount reduced by percent (0..100), rounded to cents."""
    if percent < 0 or percent > 100:
        raise ValueError(f"discount must be within 0..100, got {percent}")
    return round(amount - amount * percent / 100, 2)


def cart_total(prices, discount_percent):
    return apply_discount(sum(prices), discount_percent)


def invoice_total(lines, discount_percent):
    """lines: (unit_price, quantity) pairs; VAT is added after the discount."""
    net = sum(price * qty for price, qty in lines)
    return round(apply_discount(net, discount_percent) * (1 + VAT), 2)


def quote(hours, hourly_rate, discount_percent):
    return {"hours": hours, "amount": apply_discount(hours * hourly_rate, discount_percent)}
