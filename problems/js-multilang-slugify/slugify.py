"""URL slugs for blog posts: the Python original the JavaScript front end must match."""

import re
import unicodedata


def slugify(text, max_length=50):
    # Accents come off (é -> e); what has no ASCII form (ß, 日本) is dropped.
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[:max_length]
    # Never end in the middle of a word when a whole word can be dropped instead.
    if slug[max_length] != "-" and "-" in cut:
        cut = cut[: cut.rindex("-")]
    return cut.strip("-")
