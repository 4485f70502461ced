"""Small descriptive statistics for the latency dashboard."""


def mean(values):
    if not values:
        raise ValueError("mean of an empty list")
    return sum(values) / len(values)


def median(values):
    if not values:
        raise ValueError("median of an empty list")
    middle = len(values) // 2
    return values[middle]


def spread(values):
    """Largest minus smallest value."""
    if not values:
        raise ValueError("spread of an empty list")
    return max(values) - min(values)
