"""Benchmark of it_sla (run by `make bench`, not part of `make test`).

    SUITE_ODOO_CONFIG=.local/odoo.conf python3 tests/bench_sla.py

Creates (or reuses) two databases: ``bench_sla`` (it_sla installed) and
``bench_sla_base`` (it_service_desk only), without demo data, and prints:

1. the scheduled SLA pass (warnings, breaches, escalations) over 10k, 30k and 100k open
   tickets, each with a met first-response timer and a running resolution timer; 10 % of
   the tickets reach their warning, 10 % breach (half of them two escalation levels at
   once), the rest is on track. Time and SQL statements of the pass, then of a second
   pass (nothing left to do: idempotent). Tickets and timers are bulk-inserted in SQL.
2. creating 10,000 tickets through the ORM with and without it_sla (same process, two
   databases), and the ratio.
3. a stage change (to "waiting" and back) per ticket, with and without it_sla, in ms and
   SQL statements per change: on fresh tickets, then on the same tickets aged 0-9 days
   (a desk changes the stage of tickets opened days ago). These per-ticket comparisons use
   the peer's terms: the company's working calendar, response 1 h, resolution 80 h.

4. the peer, OCA ``helpdesk_mgmt_sla`` 18.0 (installed by bench_desk.ensure_peer into
   .local/peer, in its own database ``bench_sla_peer`` with BENCH_SLA_PEER_TOTAL open tickets
   each with a response and a resolution SLA line): deadline recomputation per ticket
   (``set_sla()``) and a stage change to "Awaiting" (on hold) and back, next to ours
   (an urgency change re-targeting the timers; the stage change above), as a table.

Environment: BENCH_SLA_PEER_TOTAL (100000), BENCH_SKIP_PEER=1, BENCH_SLA_SIZES (default "10000,30000,100000"), BENCH_SLA_CREATE (10000),
BENCH_SLA_STAGE (200), BENCH_SLA_KEEP=1 keeps the databases (default: dropped at the end).
"""

import os
import subprocess
import sys
import time
from datetime import datetime

import odoo
import odoo.modules.registry
import odoo.netsvc
import odoo.service.db
import odoo.service.server
import odoo.sql_db
from odoo import api
from odoo.tools import SQL, config

CONFIG = os.environ.get("SUITE_ODOO_CONFIG") or os.path.join(
    os.path.dirname(__file__), "..", ".local", "odoo.conf"
)
DB_SLA = os.environ.get("BENCH_SLA_DB", "bench_sla")
DB_BASE = DB_SLA + "_base"
SIZES = [int(s) for s in os.environ.get("BENCH_SLA_SIZES", "10000,30000,100000").split(",")]
CREATE_N = int(os.environ.get("BENCH_SLA_CREATE", "10000"))
STAGE_N = int(os.environ.get("BENCH_SLA_STAGE", "200"))
KEEP = os.environ.get("BENCH_SLA_KEEP") == "1"


def say(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def odoo_cmd(*args):
    return [sys.executable, "-m", "odoo", "-c", CONFIG, "--log-level=warn", *args]


def drop(dbname):
    odoo.service.db.exp_drop(dbname)


def module_installed(dbname, module):
    if dbname not in odoo.service.db.list_dbs(True):
        return False
    with odoo.sql_db.db_connect(dbname).cursor() as cr:
        cr.execute(
            "SELECT 1 FROM ir_module_module WHERE name = %s AND state = 'installed'", [module]
        )
        return bool(cr.fetchone())


def ensure_db(dbname, module):
    if module_installed(dbname, module):
        return
    drop(dbname)
    say(f"installing {module} into {dbname} (no demo data)...")
    started = time.monotonic()
    subprocess.run(
        odoo_cmd("-d", dbname, "-i", module, "--without-demo=all", "--stop-after-init"),
        check=True,
    )
    say(f"  installed in {time.monotonic() - started:.0f} s")


def environment(cr):
    return api.Environment(cr, odoo.SUPERUSER_ID, {"tz": "UTC"})


def setup_fixture(env, with_sla):
    """Teams with leads and managers, and (with it_sla) a 24x7 policy with two levels."""
    users = env["res.users"].search([("login", "like", "bench_sla_%")])
    if not users:
        users = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create([{"name": f"Bench lead {i}", "login": f"bench_sla_{i}"} for i in range(20)])
        )
    teams = env["it.team"].search([("name", "like", "Bench team %")])
    if not teams:
        teams = env["it.team"].create(
            [
                {
                    "name": f"Bench team {i}",
                    "leader_id": users[i].id,
                    "manager_id": users[(i + 1) % 20].id,
                }
                for i in range(20)
            ]
        )
    policy = None
    if with_sla:
        policy = env["it.sla.policy"].search([("name", "=", "Bench 24x7")])
        if not policy:
            policy = env["it.sla.policy"].create(
                {
                    "name": "Bench 24x7",
                    "sequence": 1,
                    "calendar_id": env.ref("it_sla.resource_calendar_24x7").id,
                    "response_hours": 1,
                    "resolution_hours": 8,
                    "warning_percent": 75,
                    "escalation_ids": [
                        (0, 0, {"level": 1, "delay_hours": 0, "notify": "leader"}),
                        (0, 0, {"level": 2, "delay_hours": 2, "notify": "manager"}),
                    ],
                }
            )
        env["it.sla.policy"].search([("id", "!=", policy.id)]).write({"active": False})
    return teams, policy


def bulk_insert(env, teams, policy, first, count, now):
    """count open tickets with their two timers, set-wise. Ticket k (from first):
    bucket k % 20: 0-1 warning due, 2 breach due, 3 breach + both levels due, else on
    track."""
    cr = env.cr
    stage = env["it.stage"].search([("state", "=", "in_progress")], limit=1)
    company = env.company.id
    team_ids = teams.ids
    cr.execute(
        SQL(
            """
            INSERT INTO it_ticket (ref, name, ticket_type, impact, urgency, priority, channel,
                                   company_id, stage_id, state, active, team_id, is_vip,
                                   sla_policy_id, create_date, write_date,
                                   create_uid, write_uid)
            SELECT 'BENCH-' || k, 'Bench ticket ' || k, 'incident', '2', '2', '3', 'phone',
                   %(company)s, %(stage)s, 'in_progress', TRUE,
                   (%(teams)s::int[])[1 + mod(k, %(nteams)s)], mod(k, 7) = 0,
                   %(policy)s, %(now)s, %(now)s, 1, 1
              FROM generate_series(%(first)s, %(last)s) AS k
            """,
            company=company,
            stage=stage.id,
            teams=team_ids,
            nteams=len(team_ids),
            policy=policy.id,
            now=now,
            first=first,
            last=first + count - 1,
        )
    )
    # resolution: running; deadline by bucket. response: met long ago.
    cr.execute(
        SQL(
            """
            INSERT INTO it_sla_line (ticket_id, policy_id, calendar_id, company_id, team_id,
                                     priority, target_type, target_hours, start_date,
                                     deadline, warning_date, reached_date, status,
                                     paused_hours, warning_sent, escalation_level,
                                     compliance, create_date, write_date, create_uid, write_uid)
            SELECT t.id, %(policy)s, %(calendar)s, t.company_id, t.team_id, '3', tt.target,
                   CASE tt.target WHEN 'response' THEN 1 ELSE 8 END,
                   s.deadline - CASE tt.target WHEN 'response' THEN interval '1 hour'
                                               ELSE interval '8 hours' END,
                   CASE tt.target WHEN 'response' THEN s.deadline - interval '7 hours'
                        ELSE s.deadline END,
                   CASE tt.target WHEN 'response' THEN s.deadline - interval '7 hours 15 minutes'
                        ELSE s.deadline - interval '2 hours' END,
                   CASE tt.target WHEN 'response' THEN s.deadline - interval '7 hours 30 minutes' END,
                   CASE tt.target WHEN 'response' THEN 'met' ELSE 'running' END,
                   0, tt.target = 'response', 0,
                   CASE tt.target WHEN 'response' THEN 100 END,
                   %(now)s, %(now)s, 1, 1
              FROM it_ticket t
              JOIN LATERAL (
                   SELECT %(now)s::timestamp + CASE
                          WHEN mod(t.id, 20) < 2 THEN interval '1 hour'      -- warning due
                          WHEN mod(t.id, 20) = 2 THEN interval '-10 minutes' -- breach due
                          WHEN mod(t.id, 20) = 3 THEN interval '-3 hours'    -- breach + 2 levels
                          ELSE interval '5 hours' + (mod(t.id, 60)) * interval '1 minute'
                          END AS deadline) s ON TRUE
             CROSS JOIN (VALUES ('response'), ('resolution')) AS tt(target)
             WHERE t.ref LIKE %(pattern)s
               AND t.id NOT IN (SELECT ticket_id FROM it_sla_line)
            """,
            policy=policy.id,
            calendar=policy.calendar_id.id,
            now=now,
            pattern="BENCH-%",
        )
    )
    cr.execute(SQL("ANALYZE it_ticket"))
    cr.execute(SQL("ANALYZE it_sla_line"))


def bench_cron(registry):
    say("\n== scheduled SLA pass (it.sla.line._cron_check_sla) ==")
    say(
        f"{'open tickets':>12} {'1st pass s':>10} {'SQL':>5} {'warned':>7} {'breached':>8} "
        f"{'escalated':>9} {'2nd pass s':>10} {'SQL':>5}"
    )
    now = datetime(2030, 1, 7, 12, 0)
    done = 0
    rows = []
    warmed = False
    for size in SIZES:
        with registry.cursor() as cr:
            env = environment(cr)
            teams, policy = setup_fixture(env, True)
            cr.execute(SQL("SELECT count(*) FROM it_ticket WHERE ref LIKE %s", "BENCH-%"))
            done = cr.fetchone()[0]
            if done < size:
                bulk_insert(env, teams, policy, done + 1, size - done, now)
            cr.commit()
        if not warmed:
            # fill the registry caches (model ids, xml ids) once, outside the figures
            with registry.cursor() as cr:
                environment(cr)["it.sla.line"]._cron_check_sla(now=now)
                cr.rollback()
            warmed = True
        with registry.cursor() as cr:
            env = environment(cr)
            lines = env["it.sla.line"]
            cr.execute(SQL("SELECT count(*) FROM it_ticket WHERE state = 'in_progress'"))
            open_count = cr.fetchone()[0]
            before = cr.sql_log_count
            started = time.perf_counter()
            result = lines._cron_check_sla(now=now)
            first = time.perf_counter() - started
            first_sql = cr.sql_log_count - before
            before = cr.sql_log_count
            started = time.perf_counter()
            again = lines._cron_check_sla(now=now)
            second = time.perf_counter() - started
            second_sql = cr.sql_log_count - before
            assert again == {"warned": 0, "breached": 0, "escalated": 0}, again
            cr.rollback()  # keep the fixture as it was for the next size
        rows.append((open_count, first, first_sql, result, second, second_sql))
        say(
            f"{open_count:>12} {first:>10.2f} {first_sql:>5} {result['warned']:>7} "
            f"{result['breached']:>8} {result['escalated']:>9} {second:>10.2f} {second_sql:>5}"
        )
    return rows


def bench_create(registry, with_sla):
    with registry.cursor() as cr:
        env = environment(cr)
        teams, _policy = setup_fixture(env, with_sla)
        cr.commit()
        Ticket = env["it.ticket"]
        started = time.perf_counter()
        before = cr.sql_log_count
        batch = 1000
        for offset in range(0, CREATE_N, batch):
            Ticket.create(
                [
                    {
                        "name": f"Created {offset + i}",
                        "team_id": teams[(offset + i) % len(teams)].id,
                        "impact": "2",
                        "urgency": str(1 + (offset + i) % 3),
                        "is_vip": (offset + i) % 7 == 0,
                    }
                    for i in range(min(batch, CREATE_N - offset))
                ]
            )
            env.flush_all()
            env.invalidate_all()
        elapsed = time.perf_counter() - started
        sql = cr.sql_log_count - before
        lines = (
            env["it.sla.line"].search_count([("ticket_id.name", "=like", "Created %")])
            if with_sla
            else 0
        )
        cr.rollback()
    return elapsed, sql, lines


def business_team(env):
    """A team of its own under the peer's terms for the per-ticket comparisons, inside the
    caller's (rolled back) transaction: the company's working calendar (Mon-Fri 08:00-17:00),
    response 1 h, resolution 80 working hours. The policy covers that team only, so the
    tickets of the scheduled pass keep theirs."""
    team = env["it.team"].create({"name": "Bench business-hours team"})
    env["it.sla.policy"].create(
        {
            "name": "Bench business hours",
            "sequence": 0,
            "team_ids": [(6, 0, team.ids)],
            "calendar_id": env.company.resource_calendar_id.id,
            "response_hours": 1,
            "resolution_hours": 80,
        }
    )
    return team


def age_rows(cr, table, column, ticket_ids, ticket_column="id"):
    """Move ``column`` back by 0 to 9 days and 3 hours (by ticket id): a stage change
    happens on a ticket opened days ago, not seconds after its creation."""
    cr.execute(
        SQL(
            "UPDATE %(table)s SET %(column)s = %(column)s "
            "- make_interval(days => mod(%(ticket)s, 10), hours => 3) WHERE %(ticket)s IN %(ids)s",
            table=SQL.identifier(table),
            column=SQL.identifier(column),
            ticket=SQL.identifier(ticket_column),
            ids=tuple(ticket_ids),
        )
    )


def toggle_stages(env, tickets, away, back):
    """Each ticket to ``away`` and back to ``back``, one write each, flushed, with the
    chatter's tracking messages written as a commit would write them. Returns ms and SQL
    statements per change."""
    cr = env.cr
    env.flush_all()
    env.invalidate_all()
    before = cr.sql_log_count
    started = time.perf_counter()
    for ticket in tickets:
        for stage in (away, back):
            ticket.write({"stage_id": stage.id})
            env.flush_all()
            cr.precommit.run()
    changes = 2 * len(tickets)
    return (
        (time.perf_counter() - started) * 1000 / changes,
        (cr.sql_log_count - before) / changes,
    )


def bench_stage(registry, with_sla):
    """Stage change to "waiting" and back per ticket, on fresh tickets, then on the same
    tickets aged 0-9 days. Returns {"fresh": (ms, SQL), "aged": (ms, SQL)} per change."""
    with registry.cursor() as cr:
        env = environment(cr)
        setup_fixture(env, with_sla)
        team = business_team(env) if with_sla else env["it.team"].create({"name": "Bench"})
        tickets = env["it.ticket"].create(
            [{"name": f"Stage {i}", "team_id": team.id} for i in range(STAGE_N)]
        )
        waiting = env["it.stage"].search([("state", "=", "waiting")], limit=1)
        progress = env["it.stage"].search([("state", "=", "in_progress")], limit=1)
        tickets.write({"stage_id": progress.id})
        out = {"fresh": toggle_stages(env, tickets, waiting, progress)}
        if with_sla:
            paused = env["it.sla.pause"].search_count([("ticket_id", "in", tickets.ids)])
            assert paused == STAGE_N, paused
        env.flush_all()
        age_rows(cr, "it_ticket", "create_date", tickets.ids)
        if with_sla:
            age_rows(cr, "it_sla_line", "start_date", tickets.ids, "ticket_id")
        out["aged"] = toggle_stages(env, tickets, waiting, progress)
        cr.rollback()
    return out


# ------------------------------------------------------------------ peer: OCA helpdesk_mgmt_sla
PEER_DB = os.environ.get("BENCH_SLA_PEER_DB", "bench_sla_peer")
PEER_TOTAL = int(os.environ.get("BENCH_SLA_PEER_TOTAL", "100000"))
SKIP_PEER = os.environ.get("BENCH_SKIP_PEER") == "1"


def peer_fixture(env):
    """Teams using SLAs on the company calendar; a response SLA (reach "In Progress" in
    1 h) and a resolution SLA (reach "Done" in 80 working hours), both on hold while
    "Awaiting"."""
    stage = {
        key: env.ref(f"helpdesk_mgmt.helpdesk_ticket_stage_{key}")
        for key in ("new", "in_progress", "awaiting", "done")
    }
    teams = env["helpdesk.ticket.team"].search([("name", "like", "Bench team %")])
    if not teams:
        teams = env["helpdesk.ticket.team"].create(
            [
                {
                    "name": f"Bench team {i}",
                    "use_sla": True,
                    "resource_calendar_id": env.company.resource_calendar_id.id,
                }
                for i in range(20)
            ]
        )
        env["helpdesk.sla"].create(
            [
                {
                    "name": name,
                    "team_ids": [(6, 0, teams.ids)],
                    "stage_id": stage[reach].id,
                    "hours": hours,
                    "ignore_stage_ids": [(6, 0, stage["awaiting"].ids)],
                }
                for name, reach, hours in (
                    ("Response", "in_progress", 1),
                    ("Resolution", "done", 80),
                )
            ]
        )
    return teams, stage


def peer_fill(env, teams, stage):
    """PEER_TOTAL open tickets, each with its two SLA lines, set-wise."""
    cr = env.cr
    count = env["helpdesk.ticket"].with_context(active_test=False).search_count([])
    if count >= PEER_TOTAL:
        return
    say(f"bulk-inserting {PEER_TOTAL - count} peer tickets with their SLA lines in SQL...")
    cr.execute(
        SQL(
            """
            INSERT INTO helpdesk_ticket (number, name, description, team_id, stage_id, priority,
                   company_id, active, kanban_state, sequence, unattended, create_date,
                   write_date, create_uid, write_uid, last_stage_update)
            SELECT 'HT' || lpad(k::text, 7, '0'), 'Bench ticket ' || k, '<p>bulk</p>',
                   (%(teams)s::int[])[1 + mod(k, %(nteams)s)], %(stage)s, '1', %(company)s, TRUE,
                   'normal', 10, false, now(), now(), 1, 1, now()
              FROM generate_series(%(first)s, %(last)s) k
            """,
            teams=teams.ids,
            nteams=len(teams),
            stage=stage["in_progress"].id,
            company=env.company.id,
            first=count + 1,
            last=PEER_TOTAL,
        )
    )
    cr.execute(
        SQL(
            """
            INSERT INTO helpdesk_ticket_sla (ticket_id, sla_id, deadline, hours,
                   expected_stage_id, consumed_time, last_state_date, state,
                   create_date, write_date, create_uid, write_uid)
            SELECT t.id, s.id, now() + s.hours * interval '1 hour', s.hours, s.stage_id, 0,
                   now(), CASE WHEN s.hours = 1 THEN 'accomplished' ELSE 'in_progress' END,
                   now(), now(), 1, 1
              FROM helpdesk_ticket t CROSS JOIN helpdesk_sla s
             WHERE t.number LIKE 'HT%%'
               AND NOT EXISTS (SELECT 1 FROM helpdesk_ticket_sla x WHERE x.ticket_id = t.id)
            """
        )
    )
    cr.execute(SQL("ANALYZE helpdesk_ticket"))
    cr.execute(SQL("ANALYZE helpdesk_ticket_sla"))
    cr.commit()


def bench_peer():
    """The peer's SLA workload at PEER_TOTAL tickets: deadline recomputation (set_sla) and a
    stage change (to "Awaiting" and back) per ticket with SLA lines. Returns ms/SQL pairs."""
    import bench_desk  # same folder: installs the peer wheels into .local/peer

    if SKIP_PEER or not os.path.isdir(os.path.join(bench_desk.PEER_ADDONS, "helpdesk_mgmt_sla")):
        return None
    bench_desk.ensure_db(PEER_DB, ["helpdesk_mgmt", "helpdesk_mgmt_sla"], config["addons_path"])
    registry = odoo.modules.registry.Registry(PEER_DB)
    out = {}
    try:
        with registry.cursor() as cr:
            env = environment(cr)
            teams, stage = peer_fixture(env)
            cr.commit()
            peer_fill(env, teams, stage)
        with registry.cursor() as cr:
            env = environment(cr)
            teams, stage = peer_fixture(env)
            Ticket = env["helpdesk.ticket"]
            tickets = Ticket.create(
                [
                    {
                        "name": f"Stage {i}",
                        "description": "<p>bench</p>",
                        "team_id": teams[i % len(teams)].id,
                        "stage_id": stage["in_progress"].id,
                    }
                    for i in range(STAGE_N)
                ]
            )
            env.flush_all()
            lines = env["helpdesk.ticket.sla"].search_count([("ticket_id", "in", tickets.ids)])
            assert lines == 2 * STAGE_N, lines
            env.invalidate_all()
            before = cr.sql_log_count
            started = time.perf_counter()
            for ticket in tickets:
                ticket.set_sla()
                env.flush_all()
                cr.precommit.run()
            out["recompute"] = (
                (time.perf_counter() - started) * 1000 / STAGE_N,
                (cr.sql_log_count - before) / STAGE_N,
            )
            probe = tickets[0]
            probe.write({"stage_id": stage["awaiting"].id})
            env.flush_all()
            assert "on_hold" in probe.ticket_sla_ids.mapped("state"), "peer SLA not on hold"
            probe.write({"stage_id": stage["in_progress"].id})
            env.flush_all()
            cr.precommit.run()
            out["stage"] = toggle_stages(env, tickets, stage["awaiting"], stage["in_progress"])
            env.flush_all()
            age_rows(cr, "helpdesk_ticket", "create_date", tickets.ids)
            age_rows(cr, "helpdesk_ticket_sla", "last_state_date", tickets.ids, "ticket_id")
            out["stage_aged"] = toggle_stages(env, tickets, stage["awaiting"], stage["in_progress"])
            cr.rollback()
    finally:
        odoo.modules.registry.Registry.delete(PEER_DB)
        if not KEEP:
            odoo.sql_db.close_db(PEER_DB)
            odoo.service.db.exp_drop(PEER_DB)
    out["stage_base"] = peer_stage_without_sla(bench_desk)
    return out


def peer_stage_without_sla(bench_desk):
    """The peer's stage change without helpdesk_mgmt_sla (its own database), to tell its SLA
    work from the rest (tracking message, ticket update), as ours is told apart."""
    dbname = PEER_DB + "_base"
    bench_desk.ensure_db(dbname, ["helpdesk_mgmt"], config["addons_path"])
    registry = odoo.modules.registry.Registry(dbname)
    try:
        with registry.cursor() as cr:
            env = environment(cr)
            stage = {
                key: env.ref(f"helpdesk_mgmt.helpdesk_ticket_stage_{key}")
                for key in ("in_progress", "awaiting")
            }
            team = env["helpdesk.ticket.team"].create({"name": "Bench team"})
            tickets = env["helpdesk.ticket"].create(
                [
                    {
                        "name": f"Stage {i}",
                        "description": "<p>bench</p>",
                        "team_id": team.id,
                        "stage_id": stage["in_progress"].id,
                    }
                    for i in range(STAGE_N)
                ]
            )
            result = toggle_stages(env, tickets, stage["awaiting"], stage["in_progress"])
            cr.rollback()
    finally:
        odoo.modules.registry.Registry.delete(dbname)
        if not KEEP:
            odoo.sql_db.close_db(dbname)
            odoo.service.db.exp_drop(dbname)
    return result


def bench_recompute(registry):
    """Ours: deadline recomputation per ticket = an urgency change that re-targets the
    ticket's SLA lines (elapsed time kept), with flush."""
    with registry.cursor() as cr:
        env = environment(cr)
        setup_fixture(env, True)
        team = business_team(env)
        tickets = env["it.ticket"].create(
            [{"name": f"Recompute {i}", "team_id": team.id, "urgency": "3"} for i in range(STAGE_N)]
        )
        env.flush_all()
        env.invalidate_all()
        before = cr.sql_log_count
        started = time.perf_counter()
        for ticket in tickets:
            ticket.write({"urgency": "1"})
            env.flush_all()
            cr.precommit.run()
        elapsed = (time.perf_counter() - started) * 1000 / STAGE_N
        sql = (cr.sql_log_count - before) / STAGE_N
        cr.rollback()
    return elapsed, sql


def main():
    import bench_desk  # same folder: the peer installation is shared with bench_desk.py

    peer_addons = None if SKIP_PEER else bench_desk.ensure_peer()
    config.parse_config(["-c", CONFIG, "--log-level=warn"])
    if peer_addons:
        config.parse_config(
            [
                "-c",
                CONFIG,
                "--log-level=warn",
                f"--addons-path={config['addons_path']},{peer_addons}",
            ]
        )
    odoo.netsvc.init_logger()
    ensure_db(DB_SLA, "it_sla")
    ensure_db(DB_BASE, "it_service_desk")
    odoo.service.server.load_server_wide_modules()
    reg_sla = odoo.modules.registry.Registry(DB_SLA)
    reg_base = odoo.modules.registry.Registry(DB_BASE)
    try:
        cron_rows = bench_cron(reg_sla)
        if not CREATE_N:
            return 0

        say(f"\n== creating {CREATE_N} tickets through the ORM (batches of 1000) ==")
        base_s, base_sql, _ = bench_create(reg_base, False)
        sla_s, sla_sql, sla_lines = bench_create(reg_sla, True)
        say(f"without it_sla: {base_s:7.1f} s  {base_sql:7} SQL")
        say(f"with it_sla:    {sla_s:7.1f} s  {sla_sql:7} SQL  ({sla_lines} SLA timers)")
        say(f"ratio with/without: {sla_s / base_s:.2f}x (target <= 1.5x)")

        say(f"\n== stage change per ticket ({STAGE_N} tickets, to waiting and back) ==")
        base = bench_stage(reg_base, False)
        ours = bench_stage(reg_sla, True)
        for label, key in (("fresh tickets", "fresh"), ("tickets opened 0-9 days ago", "aged")):
            say(
                f"{label}: without it_sla {base[key][0]:6.2f} ms {base[key][1]:5.1f} SQL, "
                f"with it_sla {ours[key][0]:6.2f} ms {ours[key][1]:5.1f} SQL per change "
                f"(pause/resume, deadline pushed)"
            )
        rec_ms, rec_q = bench_recompute(reg_sla)
        peer = bench_peer() or {}
        say(f"\n== it_sla vs OCA helpdesk_mgmt_sla 18.0, same run ({STAGE_N} tickets each) ==")
        rows = [("operation", "ours", "peer", "ratio (peer / ours)", "target")]

        def pair(value):
            return f"{value[0]:.2f} ms, {value[1]:.1f} SQL" if value else "n/a"

        def ratio(ours, key):
            return f"{peer[key][0] / ours:.1f}x" if key in peer else "n/a"

        rows.append(
            (
                "deadline recomputation per ticket (ours: urgency change re-targets the "
                "timers; peer: set_sla())",
                pair((rec_ms, rec_q)),
                pair(peer.get("recompute")),
                ratio(rec_ms, "recompute"),
                "-",
            )
        )
        rows.append(
            (
                "stage change per ticket with SLA lines (to waiting and back), fresh tickets",
                pair(ours["fresh"]),
                pair(peer.get("stage")),
                ratio(ours["fresh"][0], "stage"),
                ">= 5x",
            )
        )
        rows.append(
            (
                "same, tickets opened 0-9 days before the change",
                pair(ours["aged"]),
                pair(peer.get("stage_aged")),
                ratio(ours["aged"][0], "stage_aged"),
                ">= 5x",
            )
        )
        rows.append(
            (
                "stage change without the SLA modules (tracking message, ticket update)",
                pair(base["fresh"]),
                pair(peer.get("stage_base")),
                "-",
                "-",
            )
        )
        big = cron_rows[-1]
        rows.append(
            (
                f"scheduled breach/escalation pass, {big[0]} open tickets",
                f"{big[1]:.2f} s, {big[2]} SQL",
                "no scheduled detection",
                "-",
                "< 10 s",
            )
        )
        bench_desk.table(rows)

        big = cron_rows[-1]
        say("\n== summary ==")
        say(
            f"scheduled pass over {big[0]} open tickets: {big[1]:.2f} s, {big[2]} SQL "
            f"statements (target < 10 s, statements independent of the ticket count: "
            f"{sorted({row[2] for row in cron_rows})})"
        )
    finally:
        if not KEEP:
            for reg in (reg_sla, reg_base):
                odoo.modules.registry.Registry.delete(reg.db_name)
            odoo.sql_db.close_all()
            drop(DB_SLA)
            drop(DB_BASE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
