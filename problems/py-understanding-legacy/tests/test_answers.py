"""Checks answers.json. The expected answers are stored as sha256 hashes so that reading this
file does not give them away; each hash is of json.dumps(answer) (mutating: a sorted list)."""

import hashlib
import json
from pathlib import Path

import pytest

ANSWERS = Path(__file__).resolve().parent.parent / "answers.json"
EXPECTED = {
    "mutating": "1182fdaa49e6ac28d7c76b49c39ee5f6c9a53a8ee6511bb7d60998902726d0cc",
    "mystery_example": "edd06e0ed40300f346f94e5494ab09fb82795a7ebab460733961f6da655f409e",
    "retry_calls": "ef2d127de37b942baad06145e54b0c619a1f22327b2ebbcfbec78f5564afe39d",
}


@pytest.fixture(scope="module")
def answers():
    assert ANSWERS.exists(), "write your answers to answers.json"
    return json.loads(ANSWERS.read_text())


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_answer(answers, key):
    assert key in answers, f"answers.json has no {key!r}"
    value = answers[key]
    if key == "mutating":
        value = sorted(value)
    digest = hashlib.sha256(json.dumps(value).encode()).hexdigest()
    assert digest == EXPECTED[key], f"{key}: {answers[key]!r} is not right"


def test_legacy_py_is_unchanged():
    source = (Path(__file__).resolve().parent.parent / "legacy.py").read_text()
    assert "def with_retries(call, attempts=3):" in source and "while tries <= attempts:" in source
