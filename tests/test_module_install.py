"""Each module installs alone with its dependencies and uninstalls cleanly.

Each case works on a database of its own, created and dropped here, through the same
Odoo command line that `make run` uses.
"""

import configparser
import os
import subprocess
import sys

import psycopg2
import pytest
from psycopg2 import sql

MODULES = {
    "customer_care_scripts": ["care.script"],
    "it_service_desk": ["it.ticket"],
    "it_sla": ["it.sla.policy"],
    "it_cmdb": ["it.ci", "it.change"],
    "retail_counter": ["counter.bag.deposit", "counter.lost.item"],
}

UNINSTALL = """
module = env["ir.module.module"].search([("name", "=", {name!r})])
module.button_immediate_uninstall()
env.cr.commit()
"""


def _connect(options, dbname):
    return psycopg2.connect(
        host=options["db_host"],
        port=int(options["db_port"]),
        user=options["db_user"],
        password=None
        if options.get("db_password") in (None, "", "False")
        else options["db_password"],
        dbname=dbname,
    )


def _query(options, dbname, sql, params=()):
    conn = _connect(options, dbname)
    try:
        with conn.cursor() as cr:
            cr.execute(sql, params)
            return cr.fetchall()
    finally:
        conn.close()


def _drop(options, dbname):
    conn = _connect(options, "postgres")
    conn.autocommit = True
    try:
        with conn.cursor() as cr:
            cr.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname))
            )
    finally:
        conn.close()


@pytest.mark.parametrize("module", list(MODULES))
def test_install_alone_then_uninstall(module, odoo_config):
    parser = configparser.RawConfigParser()
    parser.read(odoo_config)
    options = parser["options"]
    dbname = f"sdsolo_{module}_{os.getpid()}"
    odoo = [sys.executable, "-m", "odoo"]
    target = ["-c", odoo_config, "-d", dbname]
    _drop(options, dbname)
    try:
        installed = subprocess.run(
            [*odoo, *target, "-i", module, "--stop-after-init", "--log-level=warn"],
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert installed.returncode == 0, installed.stderr[-3000:]
        assert "ERROR" not in installed.stderr, installed.stderr[-3000:]
        states = _query(
            options, dbname, "SELECT state FROM ir_module_module WHERE name = %s", [module]
        )
        assert states == [("installed",)]
        models = _query(
            options, dbname, "SELECT model FROM ir_model WHERE model = ANY(%s)", [MODULES[module]]
        )
        assert sorted(m for (m,) in models) == sorted(MODULES[module])

        removed = subprocess.run(
            [*odoo, "shell", *target, "--no-http", "--log-level=warn"],
            input=UNINSTALL.format(name=module),
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert removed.returncode == 0, removed.stderr[-3000:]
        assert "Traceback" not in removed.stderr, removed.stderr[-3000:]
        states = _query(
            options, dbname, "SELECT state FROM ir_module_module WHERE name = %s", [module]
        )
        assert states == [("uninstalled",)]
        left = _query(
            options, dbname, "SELECT model FROM ir_model WHERE model = ANY(%s)", [MODULES[module]]
        )
        assert left == []
        tables = [m.replace(".", "_") for m in MODULES[module]]
        left_tables = _query(
            options,
            dbname,
            "SELECT table_name FROM information_schema.tables WHERE table_name = ANY(%s)",
            [tables],
        )
        assert left_tables == []
    finally:
        _drop(options, dbname)
