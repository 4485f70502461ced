"""Helpers from the old order service. Nobody remembers why they look like this."""


def normalize(tags):
    for i, tag in enumerate(tags):
        tags[i] = tag.strip().lower()
    return sorted(set(tags))


def dedupe(items):
    seen = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def drain(queue):
    out = []
    while queue:
        out.append(queue.pop())
    return out


def merge_defaults(options, defaults):
    merged = dict(defaults)
    merged.update(options)
    return merged


def bump(counter, key):
    counter[key] = counter.get(key, 0) + 1
    return counter[key]


def mystery(xs):
    seen = {}
    out = []
    for i, x in enumerate(xs):
        k = x % 7
        if k in seen:
            out.append(i - seen[k])
        seen[k] = i
    return out


def with_retries(call, attempts=3):
    tries = 0
    while tries <= attempts:
        try:
            return call()
        except IOError:
            tries += 1
    raise IOError(f"gave up after {tries} tries")
