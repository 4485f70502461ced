"""Prices for carts, invoices and quotes. Amounts are in euros."""

VAT = 0.2


def cart_total(prices, discount_percent):
    subtotal = sum(prices)
    if discount_percent < 0 or discount_percent > 100:
        raise ValueError(f"discount must be within 0..100, got {discount_percent}")
    discounted = subtotal - subtotal * discount_percent / 100
    return round(discounted, 2)


def invoice_total(lines, discount_percent):
    """lines: (unit_price, quantity) pairs; VAT is added after the discount."""
    net = sum(price * qty for price, qty in lines)
    if discount_percent < 0 or discount_percent > 100:
        raise ValueError(f"discount must be within 0..100, got {discount_percent}")
    discounted = net - net * discount_percent / 100
    discounted = round(discounted, 2)
    return round(discounted * (1 + VAT), 2)


def quote(hours, hourly_rate, discount_percent):
    amount = hours * hourly_rate
    if discount_percent < 0 or discount_percent > 100:
        raise ValueError(f"discount must be within 0..100, got {discount_percent}")
    discounted = amount - amount * discount_percent / 100
    return {"hours": hours, "amount": round(discounted, 2)}
