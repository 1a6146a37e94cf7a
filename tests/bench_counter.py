#!/usr/bin/env python3
"""Benchmark of retail_counter: XLSX export of 100,000 invoice lines and the retention
scheduled action over 50,000 found items.

    SUITE_ODOO_CONFIG=.local/odoo.conf python3 tests/bench_counter.py [--fresh]

Uses its own database ``bench_counter`` (installed without demo data on first run,
``--fresh`` drops it first). The data is generated with bulk SQL and committed; the
export and the scheduled action then run in transactions of their own, as in production,
and the data is deleted at the end. Targets: export < 20 s and < 200 MB peak resident
memory of this process (``resource.getrusage``), scheduled action < 5 s.
"""

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB = "bench_counter"
LINES = 100_000
LINES_PER_INVOICE = 10
ITEMS = 50_000
EXPORT_SECONDS = 20.0
EXPORT_RSS_MB = 200.0
CRON_SECONDS = 5.0


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def odoo_cmd(config, *args):
    return [sys.executable, "-m", "odoo", "-c", config, "-d", DB, *args]


def ensure_database(config, fresh):
    import odoo
    from odoo.service import db as db_service

    if fresh and db_service.exp_db_exist(DB):
        db_service.exp_drop(DB)
    installed = False
    if db_service.exp_db_exist(DB):
        registry = odoo.modules.registry.Registry(DB)
        with registry.cursor() as cr:
            cr.execute(
                "SELECT 1 FROM ir_module_module WHERE name = 'retail_counter' AND state = 'installed'"
            )
            installed = bool(cr.fetchone())
    if not installed:
        print(f"[bench_counter] installing retail_counter in {DB} (no demo data)...", flush=True)
        subprocess.run(
            odoo_cmd(
                config,
                "-i",
                "retail_counter",
                "--without-demo=all",
                "--stop-after-init",
                "--log-level=warn",
            ),
            check=True,
            cwd=ROOT,
        )


def generate_invoices(env, SQL):
    company = env.company
    journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
    )
    partner = env["res.partner"].create({"name": "Bench Member"})
    request = env["counter.invoice.request"].create({"partner_id": partner.id})
    invoices = LINES // LINES_PER_INVOICE
    env.cr.execute(
        SQL(
            """
            INSERT INTO account_move
                   (journal_id, company_id, currency_id, state, move_type, auto_post, date,
                    invoice_date, name, partner_id, counter_request_id, counter_invoice_kind,
                    counter_receipt_refs, amount_total, create_uid, write_uid, create_date,
                    write_date)
            SELECT %(journal)s, %(company)s, %(currency)s, 'posted', 'out_invoice', 'no',
                   DATE '2026-01-01' + mod(g, 300), DATE '2026-01-01' + mod(g, 300),
                   'BENCH/' || g, %(partner)s, %(request)s,
                   CASE WHEN mod(g, 10) = 0 THEN 'vat' ELSE 'normal' END, 'R-' || g, 0,
                   1, 1, now(), now()
              FROM generate_series(1, %(count)s) g
            """,
            journal=journal.id,
            company=company.id,
            currency=company.currency_id.id,
            partner=partner.id,
            request=request.id,
            count=invoices,
        )
    )
    env.cr.execute(
        SQL(
            """
            INSERT INTO account_move_line
                   (move_id, account_id, company_id, journal_id, currency_id, company_currency_id,
                    display_type, name, quantity, price_unit, price_subtotal, price_total,
                    balance, date, parent_state, sequence)
            SELECT m.id, %(account)s, m.company_id, m.journal_id, m.currency_id, m.currency_id, 'product',
                   'Item ' || i || ' of ' || m.name, 1 + mod(i, 3), 10.5 + i,
                   (1 + mod(i, 3)) * (10.5 + i), (1 + mod(i, 3)) * (10.5 + i),
                   -(1 + mod(i, 3)) * (10.5 + i), m.date, 'posted', i
              FROM account_move m, generate_series(1, %(per)s) i
             WHERE m.counter_request_id = %(request)s
            """,
            per=LINES_PER_INVOICE,
            request=request.id,
            account=journal.default_account_id.id,
        )
    )
    return env.cr.rowcount


def generate_items(env, SQL):
    env.cr.execute(
        SQL(
            """
            INSERT INTO counter_lost_item
                   (company_id, name, kind, found_by, state, found_time, retention_deadline,
                    location, active, reference, quantity, create_uid, write_uid, create_date,
                    write_date)
            SELECT %(company)s, 'Bench item ' || g,
                   (ARRAY['fresh', 'goods', 'valuable', 'other'])[1 + mod(g, 4)], 'staff', 'held',
                   now() at time zone 'utc' - interval '10 days',
                   now() at time zone 'utc' - interval '1 day',
                   (ARRAY['freezer', 'counter', 'safe', 'counter'])[1 + mod(g, 4)], TRUE,
                   'LF/BENCH/' || g, 1, 1, 1, now(), now()
              FROM generate_series(1, %(count)s) g
            """,
            company=env.company.id,
            count=ITEMS,
        )
    )
    return env.cr.rowcount


def cleanup(registry, SQL):
    """Remove the generated rows (they all carry the BENCH mark)."""
    import odoo

    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        cr.execute(
            SQL(
                "DELETE FROM counter_lost_item_move WHERE item_id IN "
                "(SELECT id FROM counter_lost_item WHERE reference LIKE %s)",
                "LF/BENCH/%",
            )
        )
        cr.execute(SQL("DELETE FROM counter_lost_item WHERE reference LIKE %s", "LF/BENCH/%"))
        cr.execute(SQL("DELETE FROM account_move WHERE name LIKE %s", "BENCH/%"))
        env["counter.invoice.request"].search([("partner_id.name", "=", "Bench Member")]).unlink()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="drop bench_counter first")
    args = parser.parse_args()
    config = os.environ.get("SUITE_ODOO_CONFIG") or str(ROOT / ".local" / "odoo.conf")

    import odoo
    from odoo.tools import SQL

    odoo.tools.config.parse_config(["-c", config, "--log-level=warn"])
    ensure_database(config, args.fresh)
    registry = odoo.modules.registry.Registry(DB)
    failures = []
    created = {}
    try:
        # Data is committed first, so that each measure runs in a transaction of its
        # own, as the scheduled action and the export do in production.
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
            start = time.perf_counter()
            created["lines"] = generate_invoices(env, SQL)
            created["items"] = generate_items(env, SQL)
            # bulk-loaded tables have no statistics yet: autovacuum would analyze them
            # in production, do it now so the planner sees 100,000 lines, not an empty table
            cr.execute(SQL("ANALYZE account_move, account_move_line, counter_lost_item"))
            print(
                f"[bench_counter] generated {created['lines']} invoice lines and "
                f"{created['items']} found items in {time.perf_counter() - start:.1f} s"
            )
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            admin = env.ref("base.user_admin")
            env = env(user=admin.id)
            rss_before = rss_mb()
            start = time.perf_counter()
            data, exported = env["account.move"]._counter_export_xlsx([])
            elapsed = time.perf_counter() - start
            peak = rss_mb()
            print(
                f"[bench_counter] XLSX export: {exported} lines, {len(data) / 1e6:.1f} MB "
                f"file, {elapsed:.2f} s, peak RSS {peak:.0f} MB (before export "
                f"{rss_before:.0f} MB)"
            )
            if exported < LINES:
                failures.append(f"exported {exported} lines, expected {LINES}")
            if elapsed >= EXPORT_SECONDS:
                failures.append(f"export took {elapsed:.1f} s (target < {EXPORT_SECONDS} s)")
            if peak >= EXPORT_RSS_MB:
                failures.append(f"peak RSS {peak:.0f} MB (target < {EXPORT_RSS_MB} MB)")
            del data
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            start = time.perf_counter()
            moved = env["counter.lost.item"]._cron_apply_retention()
            elapsed = time.perf_counter() - start
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            start = time.perf_counter()
            again = env["counter.lost.item"]._cron_apply_retention()
            second = time.perf_counter() - start
        print(
            f"[bench_counter] retention cron: {moved} items moved and logged in "
            f"{elapsed:.2f} s; second run {again} moved in {second:.2f} s"
        )
        if moved < ITEMS:
            failures.append(f"cron moved {moved} items, expected {ITEMS}")
        if elapsed >= CRON_SECONDS:
            failures.append(f"cron took {elapsed:.1f} s (target < {CRON_SECONDS} s)")
    finally:
        cleanup(registry, SQL)
    for failure in failures:
        print(f"[bench_counter] FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
