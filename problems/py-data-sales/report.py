"""Monthly sales report for the small-appliances shop."""


def summarize(path):
    """Summarise the sales CSV at ``path``.

    Returns a dict with:
      - "revenue_by_region": {region: revenue}, revenue = sum of units * unit_price, rounded to 2 decimals
      - "best_seller": the product with the most units sold
      - "revenue_by_month": {"YYYY-MM": revenue}, rounded to 2 decimals, months in ascending order
    """
    raise NotImplementedError("summarize is not written yet")
