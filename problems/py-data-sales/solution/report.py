"""Monthly sales report for the small-appliances shop."""

import csv
from collections import Counter, defaultdict


def summarize(path):
    """Summarise the sales CSV at ``path``.

    Returns a dict with:
      - "revenue_by_region": {region: revenue}, revenue = sum of units * unit_price, rounded to 2 decimals
      - "best_seller": the product with the most units sold
      - "revenue_by_month": {"YYYY-MM": revenue}, rounded to 2 decimals, months in ascending order
    """
    by_region = defaultdict(float)
    by_month = defaultdict(float)
    units = Counter()
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            n = int(row["units"])
            revenue = n * float(row["unit_price"])
            by_region[row["region"]] += revenue
            by_month[row["date"][:7]] += revenue
            units[row["product"]] += n
    return {
        "revenue_by_region": {k: round(v, 2) for k, v in by_region.items()},
        "best_seller": units.most_common(1)[0][0],
        "revenue_by_month": {k: round(by_month[k], 2) for k in sorted(by_month)},
    }
