"""Benchmark of customer_care_scripts (run by `make bench`, not part of `make test`).

    SUITE_ODOO_CONFIG=.local/odoo.conf python3 tests/bench_care.py

Creates (or reuses) the database ``bench_care`` with customer_care_scripts installed
without demo data, then prints, for N records (BENCH_CARE_SIZES, default "100,1000,5000"):

1. the script panel (``care_script_html`` and ``care_script_next_step`` of the mixin) of N
   records read at once, cold cache: time and SQL statements (the lookup is batched, so
   the statements do not grow with N);
2. ticking steps on N records (``_care_script_mark_steps``): time per record;
3. N evaluations created from a 5-item checklist, scored and completed: time per
   evaluation;
4. the report queries: average score per team and month, compliance rate per script
   and person (``_read_group``) over all rows.

BENCH_CARE_KEEP=1 keeps the database (default: dropped at the end).
"""

import os
import subprocess
import sys
import time

import odoo
import odoo.modules.registry
import odoo.service.db
from odoo import Command, api
from odoo.tools import config

CONFIG = os.environ.get("SUITE_ODOO_CONFIG") or os.path.join(
    os.path.dirname(__file__), "..", ".local", "odoo.conf"
)
DB = os.environ.get("BENCH_CARE_DB", "bench_care")
SIZES = [int(s) for s in os.environ.get("BENCH_CARE_SIZES", "100,1000,5000").split(",")]
KEEP = os.environ.get("BENCH_CARE_KEEP") == "1"


def say(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def install():
    subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "-c",
            CONFIG,
            "--log-level=warn",
            "-d",
            DB,
            "-i",
            "customer_care_scripts",
            "--without-demo=all",
            "--stop-after-init",
        ],
        check=True,
    )


def timed(cr, func):
    count = cr.sql_log_count
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, cr.sql_log_count - count, result


def main():
    config.parse_config(["-c", CONFIG])
    install()
    registry = odoo.modules.registry.Registry(DB)
    try:
        with registry.cursor() as cr:
            env = api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
            env = env(user=env.ref("base.user_admin"))
            staff = env["res.users"].create(
                {
                    "name": "Bench Staff",
                    "login": "bench_care_staff",
                    "groups_id": [
                        Command.set([env.ref("customer_care_scripts.group_care_staff").id])
                    ],
                }
            )
            team = env["care.team"].create(
                {"name": "Bench", "member_ids": [Command.set(staff.ids)]}
            )
            script = env["care.script"].search([("code", "=", "bench_card")]) or env[
                "care.script"
            ].create(
                {
                    "name": "Bench card read-back",
                    "code": "bench_card",
                    "step_ids": [
                        Command.create(
                            {"sequence": 10 * i, "text": f"Step {i}: {{customer_name}}, {{phone}}?"}
                        )
                        for i in range(1, 7)
                    ],
                }
            )
            checklist = env["care.checklist"].create(
                {
                    "name": "Bench checklist",
                    "item_ids": [
                        Command.create({"name": f"Item {i}", "weight": i}) for i in range(1, 6)
                    ],
                }
            )
            partner = env["res.partner"].create({"name": "Zhang San", "phone": "020-1234567"})
            for size in SIZES:
                records = env["care.interaction"].create(
                    [{"situation_id": script.id, "partner_id": partner.id, "user_id": staff.id}]
                    * size
                )
                env.flush_all()
                env.invalidate_all()
                seconds, queries, _ = timed(
                    cr,
                    lambda records=records: (
                        records.mapped("care_script_html")
                        and records.mapped("care_script_next_step")
                    ),
                )
                say(
                    f"[care] script panel of {size} records: {seconds * 1000:.0f} ms, {queries} SQL statements"
                )
                as_staff = records.with_user(staff)
                seconds, queries, _ = timed(
                    cr,
                    lambda as_staff=as_staff: (
                        [r._care_script_mark_steps([10, 20]) for r in as_staff] and env.flush_all()
                    ),
                )
                say(
                    f"[care] tick 2 steps on {size} records: {seconds / size * 1000:.2f} ms/record, {queries / size:.1f} SQL/record"
                )

                def evaluate(size=size):
                    evaluations = env["care.evaluation"].create(
                        [{"checklist_id": checklist.id, "staff_id": staff.id}] * size
                    )
                    evaluations.line_ids.write({"result": "yes"})
                    evaluations.action_done()
                    env.flush_all()
                    return evaluations

                seconds, queries, _ = timed(cr, evaluate)
                say(
                    f"[care] {size} evaluations created, scored, completed: {seconds / size * 1000:.2f} ms/evaluation, {queries / size:.1f} SQL/evaluation"
                )
                seconds, queries, groups = timed(
                    cr,
                    lambda: env["care.evaluation"]._read_group(
                        [], ["team_id", "date:month"], ["score:avg", "__count"]
                    ),
                )
                total = env["care.evaluation"].search_count([])
                say(
                    f"[care] score per team and month over {total} evaluations: {seconds * 1000:.0f} ms, {queries} SQL"
                )
                seconds, queries, groups = timed(
                    cr,
                    lambda: env["care.script.compliance"]._read_group(
                        [], ["script_id", "user_id"], ["rate:avg", "__count"]
                    ),
                )
                total = env["care.script.compliance"].search_count([])
                say(
                    f"[care] compliance per script and person over {total} records: {seconds * 1000:.0f} ms, {queries} SQL"
                )
                assert team
            cr.rollback()
    finally:
        odoo.sql_db.close_all() if hasattr(odoo, "sql_db") else None
        if not KEEP:
            odoo.service.db.exp_drop(DB)


if __name__ == "__main__":
    main()
