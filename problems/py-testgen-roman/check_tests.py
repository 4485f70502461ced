"""Checks the tests in tests/: they must pass on roman.py and fail on every file in mutants/.

Each round copies tests/ next to one implementation (saved as roman.py) in a temporary
directory and runs pytest there, so the implementation under test is the only roman module
the tests can import. The rounds share one Python process (pytest.main) to stay fast; the
modules of a round are dropped from sys.modules before the next one.
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def passes(implementation, quiet=False):
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(HERE / "tests", Path(tmp) / "tests")
        shutil.copy(implementation, Path(tmp) / "roman.py")
        cwd = os.getcwd()
        os.chdir(tmp)
        sys.path.insert(0, tmp)
        try:
            args = ["-qq", "--tb=no", "-rN"] if quiet else ["-q"]
            code = pytest.main(args + ["-p", "no:cacheprovider", "tests"])
        finally:
            os.chdir(cwd)
            sys.path.remove(tmp)
            for name, module in list(sys.modules.items()):
                if getattr(module, "__file__", None) and module.__file__.startswith(tmp):
                    del sys.modules[name]
        return code == 0


def main():
    tests = sorted((HERE / "tests").glob("test_*.py")) if (HERE / "tests").is_dir() else []
    if not tests:
        print("no tests: write them in tests/test_roman.py")
        return 1
    if not passes(HERE / "roman.py"):
        print("the tests fail on the real roman.py (output above)")
        return 1
    survivors = [m.name for m in sorted((HERE / "mutants").glob("*.py")) if passes(m, quiet=True)]
    if survivors:
        print("the tests do not catch these broken variants: " + ", ".join(survivors))
        return 1
    print("tests pass on roman.py and catch every mutant")
    return 0


if __name__ == "__main__":
    sys.exit(main())
