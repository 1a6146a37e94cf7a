"""The launcher's failure paths: each gives a one-line error and a non-zero exit."""

import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITE = [sys.executable, str(ROOT / "tools" / "suite.py")]


def run_suite(args, env_extra, tmp_path=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ODOO_DB_")}
    env.update(env_extra)
    return subprocess.run(
        [*SUITE, *args], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT
    )


def fake_odoo(tmp_path, body):
    """A folder that shadows the real odoo package on PYTHONPATH."""
    package = tmp_path / "odoo"
    package.mkdir()
    (package / "__init__.py").write_text(textwrap.dedent(body))
    return str(tmp_path)


def assert_one_line_error(result, code, *words):
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    for word in words:
        assert word in lines[0], lines[0]


def test_no_odoo_importable(tmp_path):
    path = fake_odoo(tmp_path, "raise ImportError('No module named odoo')\n")
    for command in ("check", "run", "test"):
        result = run_suite([command], {"PYTHONPATH": path})
        assert_one_line_error(result, 2, "Odoo is not importable", "Odoo 18.0")


def test_wrong_odoo_version(tmp_path):
    path = fake_odoo(tmp_path, "")
    (tmp_path / "odoo" / "release.py").write_text(
        "version_info = (17, 0, 0, 'final', 0)\nversion = '17.0'\n"
    )
    result = run_suite(["check"], {"PYTHONPATH": path})
    assert_one_line_error(result, 2, "Odoo 17.0", "needs Odoo 18.0")


def test_postgres_not_reachable():
    with socket.socket() as sock:  # a port on which nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    for command in ("check", "test"):
        result = run_suite([command], {"ODOO_DB_HOST": "127.0.0.1", "ODOO_DB_PORT": str(port)})
        assert_one_line_error(result, 3, "PostgreSQL at 127.0.0.1", "not reachable")


def test_makefile_reports_the_same_error(tmp_path):
    path = fake_odoo(tmp_path, "raise ImportError('No module named odoo')\n")
    env = dict(os.environ, PYTHONPATH=path)
    result = subprocess.run(
        ["make", "-s", "check"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert result.returncode != 0
    assert "error: Odoo is not importable" in result.stderr
