"""Suite-level tests run by `make test` through pytest-odoo (see README)."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def odoo_config():
    """The effective Odoo configuration written by tools/suite.py."""
    path = os.environ.get("SUITE_ODOO_CONFIG") or str(ROOT / ".local" / "odoo.conf")
    if not Path(path).is_file():
        pytest.fail(f"no Odoo configuration at {path}: run the tests through `make test`")
    return path
