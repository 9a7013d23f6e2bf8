"""Make ``sample_docs/`` importable (the generator is a script folder, not an installed package)."""

import sys
from pathlib import Path

SAMPLE_DOCS = Path(__file__).resolve().parents[2] / "sample_docs"
if str(SAMPLE_DOCS) not in sys.path:
    sys.path.insert(0, str(SAMPLE_DOCS))
