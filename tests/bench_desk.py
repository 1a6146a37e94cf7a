"""Benchmark of it_service_desk (run by `make bench`, not part of `make test`).

    SUITE_ODOO_CONFIG=.local/odoo.conf python3 tests/bench_desk.py

Creates (or reuses) the database ``bench_desk`` (it_service_desk only, no demo data) and
prints, with wall time and SQL statements per operation:

1. creating 10,000 tickets through the ORM in batches of 1,000, chatter and tracking on
   (creation message, followers, assignment history, priority/VIP/team computes);
2. then, after bulk-inserting tickets in SQL up to 100,000 (each bulk insert is followed
   by VACUUM ANALYZE, as autovacuum would soon do on a live database; the peer's too):
   - the filtered list read of 80 rows (open tickets of one team),
   - the kanban's first load (read_group by stage + one page of 40 cards per unfolded,
     non-empty stage), at 20,000 and at 100,000 tickets: the statement count must not grow,
   - name search (reference and subject, trigram GIN index) and the duplicate search
     (``_search_similar_tickets``, pg_trgm word similarity).
   The list and kanban reads ask for what the web client asks for: the fields of the
   module's own list and kanban views (``view_spec``), ``count_limit`` 10,001, the
   caches of access rules cleared before each run.

3. the same workload on the peer, OCA ``helpdesk_mgmt`` 18.0, in its own database
   (``bench_desk_peer``): its wheel is installed with ``pip install --no-deps --target
   .local/peer`` (git-ignored, never into site-packages; its odoo-addon-* requirements are
   followed from the wheels' metadata), the addons path is extended with
   ``.local/peer/odoo/addons``; the list and kanban field specifications are likewise taken
   from the peer's own views (kanban: its ``activity_state`` progress bar too). Then a
   side-by-side table of both, with SQL statements.

Environment: BENCH_DESK_CREATE (10000), BENCH_DESK_TOTAL (100000), BENCH_DESK_DB
(bench_desk), BENCH_DESK_PEER_CREATE (as BENCH_DESK_CREATE), BENCH_DESK_PEER_DB
(bench_desk_peer), BENCH_SKIP_PEER=1 skips the peer, BENCH_DESK_KEEP=1 keeps the databases
(default: dropped at the end).
"""

import os
import statistics
import subprocess
import sys
import time

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
DB = os.environ.get("BENCH_DESK_DB", "bench_desk")
CREATE_N = int(os.environ.get("BENCH_DESK_CREATE", "10000"))
TOTAL_N = int(os.environ.get("BENCH_DESK_TOTAL", "100000"))
KEEP = os.environ.get("BENCH_DESK_KEEP") == "1"
OPEN = ("new", "in_progress", "dispatched", "waiting")

WORDS_A = [
    "CRM",
    "Billing",
    "Resource management",
    "Analytics",
    "Network",
    "Host",
    "Printer",
    "Invoice",
    "Portal",
    "VPN",
    "Email",
    "Payment",
    "Order",
    "Report",
    "Login",
]
WORDS_B = [
    "login fails",
    "very slow",
    "times out",
    "shows error 500",
    "cannot print",
    "data missing",
    "crashes on start",
    "password expired",
    "stuck in queue",
    "wrong amount",
    "not reachable",
    "duplicate records",
]
WORDS_C = [
    "after password change",
    "in the sales hall",
    "since this morning",
    "for VIP customer",
    "in Shenzhen",
    "in Guangzhou",
    "after upgrade",
    "when exporting",
    "on new laptop",
    "for all users",
]


def say(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


class Measure:
    """Wall time and SQL statements of a block (all cursors of this process)."""

    def __enter__(self):
        self.q0 = odoo.sql_db.sql_counter
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.t0
        self.queries = odoo.sql_db.sql_counter - self.q0


def fixture(env):
    teams = env["it.team"].search([("name", "like", "Bench team %")])
    if not teams:
        teams = env["it.team"].create(
            [{"name": f"Bench team {i}", "tier": "1" if i < 6 else "2"} for i in range(10)]
        )
    systems = env["it.business.system"].search([])
    regions = env["it.region"].search([])
    if not regions:
        regions = env["it.region"].create(
            [{"name": f"City {i}", "code": f"C{i}"} for i in range(21)]
        )
    partners = env["res.partner"].search([("name", "like", "Bench requester %")])
    if not partners:
        partners = env["res.partner"].create(
            [
                {
                    "name": f"Bench requester {i}",
                    "phone": f"+86 20 {i:08d}",
                    "it_vip": i % 50 == 0,
                    "email": f"req{i}@example.com",
                    "it_region_id": regions[i % 21].id,
                }
                for i in range(1000)
            ]
        )
    return teams, systems, regions, partners


def subject(i):
    return f"{WORDS_A[i % 15]} {WORDS_B[(i // 15) % 12]} {WORDS_C[(i // 180) % 10]}"


def bench_create(registry):
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tz": "UTC"})
        teams, systems, regions, partners = fixture(env)
        cr.commit()
        existing = env["it.ticket"].search_count([])
        if existing >= CREATE_N:
            say(f"(reusing {existing} tickets; creation not measured again)")
            return None
        front = teams.filtered(lambda t: t.tier == "1")
        total_s, total_q = 0.0, 0
        for batch in range(CREATE_N // 1000):
            vals = []
            for j in range(1000):
                i = batch * 1000 + j
                vals.append(
                    {
                        "name": subject(i),
                        "partner_id": partners[i % len(partners)].id,
                        "team_id": front[i % len(front)].id,
                        "system_id": systems[i % len(systems)].id,
                        "impact": str(1 + i % 3),
                        "urgency": str(1 + (i // 3) % 3),
                        "description": f"<p>Reported by phone, case {i}</p>",
                    }
                )
            with Measure() as m:
                env["it.ticket"].create(vals)
                env.flush_all()
            cr.commit()
            total_s += m.seconds
            total_q += m.queries
        messages = env["mail.message"].search_count([("model", "=", "it.ticket")])
        say(
            f"created {CREATE_N} tickets: {total_s:.1f} s = {1000 * total_s / CREATE_N:.2f} ms "
            f"and {total_q / CREATE_N:.1f} SQL per ticket ({messages} chatter messages)"
        )
        return total_s, total_q


def bulk_fill(registry, target):
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tz": "UTC"})
        count = env["it.ticket"].with_context(active_test=False).search_count([])
        missing = target - count
        if missing <= 0:
            return
        teams, systems, regions, partners = fixture(env)
        stages = {s.state: s.id for s in env["it.stage"].search([])}
        say(f"bulk-inserting {missing} tickets in SQL...")
        started = time.monotonic()
        cr.execute(
            SQL(
                """
            INSERT INTO it_ticket (ref, name, ticket_type, partner_id, team_id, front_team_id,
                   system_id, region_id, stage_id, state, impact, urgency, priority, tier, channel,
                   company_id, active, is_vip, callback_state, create_date, write_date,
                   create_uid, write_uid, date_last_stage_update)
            SELECT 'BK' || lpad(g::text, 7, '0'),
                   (%s::text[])[1 + mod(g, 15)] || ' ' || (%s::text[])[1 + mod(g / 15, 12)] || ' '
                       || (%s::text[])[1 + mod(g / 180, 10)] || ' #' || g,
                   'incident', (%s::int[])[1 + mod(g, %s)], (%s::int[])[1 + mod(g, %s)],
                   (%s::int[])[1 + mod(g, %s)], (%s::int[])[1 + mod(g, %s)], (%s::int[])[1 + mod(g, 21)],
                   (%s::int[])[1 + mod(g, 8)], (%s::text[])[1 + mod(g, 8)],
                   (1 + mod(g, 3))::text, (1 + mod(g / 3, 3))::text, (1 + mod(g, 4))::text, '1', 'phone',
                   %s, mod(g, 8) < 6, mod(g, 50) = 0, 'none',
                   now() - (mod(g, 400)) * interval '1 hour', now(), 1, 1, now()
              FROM generate_series(%s, %s) g
            """,
                WORDS_A,
                WORDS_B,
                WORDS_C,
                partners.ids,
                len(partners),
                teams.ids,
                len(teams),
                teams.ids,
                len(teams),
                systems.ids,
                len(systems),
                regions.ids,
                [
                    stages[s]
                    for s in (
                        "new",
                        "in_progress",
                        "dispatched",
                        "waiting",
                        "resolved",
                        "callback",
                        "closed",
                        "cancelled",
                    )
                ],
                [
                    "new",
                    "in_progress",
                    "dispatched",
                    "waiting",
                    "resolved",
                    "callback",
                    "closed",
                    "cancelled",
                ],
                env.company.id,
                count + 1,
                target,
            )
        )
        vacuum(cr, "it_ticket")
        say(f"  done in {time.monotonic() - started:.0f} s")


def vacuum(cr, table):
    """Commit the bulk insert and VACUUM ANALYZE, as autovacuum soon would on a live
    database: the statistics, and the visibility map that lets counts run as index-only
    scans. The commit is synchronous: with the private cluster's synchronous_commit=off, a
    VACUUM right after an unflushed commit cannot mark the new pages all-visible."""
    cr.execute(SQL("SET LOCAL synchronous_commit = on"))
    cr.commit()
    cr._cnx.autocommit = True  # VACUUM cannot run inside a transaction
    try:
        cr.execute(SQL("VACUUM ANALYZE %s", SQL.identifier(table)))
    finally:
        cr._cnx.autocommit = False


def timed(env, func, repeat=7):
    """Median time and statements of func over repeat runs (after one warm-up), cache cleared."""
    func()
    times, queries = [], []
    for _ in range(repeat):
        env.invalidate_all()
        env.registry.clear_cache()
        with Measure() as m:
            func()
        times.append(m.seconds)
        queries.append(m.queries)
    return 1000 * statistics.median(times), int(statistics.median(queries))


def kanban_load(Ticket, spec, arch):
    """What the web client asks for when a kanban grouped by stage opens: the groups, the
    progress bar when the view has one, then per unfolded column one page of 40 cards (count
    limited to 10,001, as relational_model.js does)."""
    groups = Ticket.web_read_group([], ["stage_id"], ["stage_id"], lazy=True)
    if "<progressbar" in arch:
        Ticket.read_progress_bar(
            [],
            "stage_id",
            {
                "field": "activity_state",
                "colors": {"planned": "success", "today": "warning", "overdue": "danger"},
            },
        )
    for group in groups["groups"]:
        # folded stages and the "no stage" group stay closed; empty columns are not read
        if group["stage_id"] and not group.get("__fold") and group["stage_id_count"]:
            Ticket.web_search_read(
                [("stage_id", "=", group["stage_id"][0])], spec, limit=40, count_limit=10001
            )


def bench_reads(registry, label):
    with registry.cursor() as cr:
        admin = api.Environment(cr, odoo.SUPERUSER_ID, {})["res.users"].browse(2)
        env = api.Environment(cr, admin.id, {"tz": "UTC", "lang": "en_US"})
        Ticket = env["it.ticket"]
        total = Ticket.with_context(active_test=False).search_count([])
        team = env["it.team"].search([("name", "=", "Bench team 1")], limit=1)
        say(f"\n-- {label}: {total} tickets --")

        list_spec, _arch = view_spec(env, "it.ticket", "list")
        kanban_spec, arch = view_spec(env, "it.ticket", "kanban")

        def list_read():
            result = Ticket.web_search_read(
                [("state", "in", OPEN), ("team_id", "=", team.id)],
                list_spec,
                limit=80,
                count_limit=10001,
            )
            assert len(result["records"]) == 80, result["length"]

        ms, q = timed(env, list_read)
        say(f"filtered list read (80 rows, open tickets of one team): {ms:7.1f} ms  {q:3} SQL")

        kms, kq = timed(env, lambda: kanban_load(Ticket, kanban_spec, arch))
        light_spec = {k: v for k, v in kanban_spec.items() if not k.startswith("activity")}
        lms, lq = timed(env, lambda: kanban_load(Ticket, light_spec, arch))
        say(
            f"kanban first load (group by stage + 40 cards per open stage): {kms:7.1f} ms  {kq:3} SQL"
        )
        say(f"  of which the cards' activity widget: {kms - lms:7.1f} ms  {kq - lq:3} SQL")

        some_ref = Ticket.search([], limit=1, offset=total // 2).ref

        def by_ref():
            assert Ticket.name_search(some_ref, limit=8)

        def by_subject():
            Ticket.name_search("password expired in Shenzhen", limit=8)

        def duplicates():
            # worst case: a subject of the generator itself, shared by ~4 % of the tickets
            Ticket._search_similar_tickets("CRM login fails after password change", limit=5)

        def duplicates_typical():
            # a caller's own words: few tickets share them
            Ticket._search_similar_tickets("Scanner paper jam on floor 3 since Monday", limit=5)

        rms, rq = timed(env, by_ref)
        sms, sq = timed(env, by_subject)
        dms, dq = timed(env, duplicates)
        tms, tq = timed(env, duplicates_typical)
        say(f"name search by reference:  {rms:6.1f} ms  {rq} SQL")
        say(f"name search by subject:    {sms:6.1f} ms  {sq} SQL")
        say(f"duplicate search, generator subject (~4 % of rows alike): {dms:6.1f} ms  {dq} SQL")
        say(f"duplicate search, typical subject: {tms:6.1f} ms  {tq} SQL")
        cr.execute(SQL("SET enable_seqscan = off"))  # as _search_similar_tickets does
        text = "Scanner paper jam on floor 3 since Monday"
        cr.execute(
            SQL(
                "EXPLAIN SELECT id FROM it_ticket WHERE %s %s name AND active AND state IN %s "
                "AND id NOT IN %s ORDER BY word_similarity(%s, name) DESC, id DESC LIMIT 15",
                text,
                SQL("<%%"),
                OPEN,
                (0,),
                text,
            )
        )
        plan = " / ".join(
            row[0].strip() for row in cr.fetchall() if "Index" in row[0] or "Scan" in row[0]
        )
        say(f"duplicate search plan (typical subject): {plan}")
        cr.rollback()
        return {
            "list": (ms, q),
            "kanban": (kms, kq),
            "ref": (rms, rq),
            "subject": (sms, sq),
            "dup": (dms, dq),
            "dup2": (tms, tq),
        }


# ------------------------------------------------------------------ peer: OCA helpdesk_mgmt
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
PEER_DIR = os.path.join(ROOT, ".local", "peer")
PEER_ADDONS = os.path.join(PEER_DIR, "odoo", "addons")
PEER_PACKAGES = ("odoo-addon-helpdesk-mgmt==18.0.*", "odoo-addon-helpdesk-mgmt-sla==18.0.*")
PEER_DB = os.environ.get("BENCH_DESK_PEER_DB", "bench_desk_peer")
PEER_CREATE_N = int(os.environ.get("BENCH_DESK_PEER_CREATE", str(CREATE_N)))
SKIP_PEER = os.environ.get("BENCH_SKIP_PEER") == "1"


def ensure_peer():
    """Install the OCA peer wheels (--no-deps, never into site-packages) into .local/peer
    (git-ignored), following their odoo-addon-* dependencies from the wheels' metadata.
    Returns the peer addons folder, or None with the reason printed."""
    if os.path.isdir(os.path.join(PEER_ADDONS, "helpdesk_mgmt_sla")):
        return PEER_ADDONS
    os.makedirs(PEER_DIR, exist_ok=True)
    wanted, seen = list(PEER_PACKAGES), set()
    while wanted:
        spec = wanted.pop()
        if spec in seen:
            continue
        seen.add(spec)
        say(f"pip install --no-deps --target {PEER_DIR} {spec}")
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "-q",
                "--no-deps",
                "--upgrade",
                "--target",
                PEER_DIR,
                spec,
            ],
            capture_output=True,
            text=True,
        )
        if done.returncode:
            say(f"peer not installable: pip failed: {done.stderr.strip()[-500:]}")
            return None
        # odoo-addon-* requirements of what was installed (the wheels' METADATA)
        for entry in os.listdir(PEER_DIR):
            meta = os.path.join(PEER_DIR, entry, "METADATA")
            if entry.endswith(".dist-info") and os.path.isfile(meta):
                with open(meta, encoding="utf-8") as handle:
                    for line in handle:
                        if line.startswith("Requires-Dist: odoo-addon"):
                            req = line.split(":", 1)[1].split(";")[0].strip().replace(" ", "")
                            wanted.append(req.replace("_", "-"))
    return PEER_ADDONS if os.path.isdir(os.path.join(PEER_ADDONS, "helpdesk_mgmt")) else None


def ensure_db(db, modules, addons_path=None):
    """A database with ``modules`` installed (no demo data), reused when it has them."""
    if db in odoo.service.db.list_dbs(True):
        with odoo.sql_db.db_connect(db).cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM ir_module_module WHERE name IN %s AND state = 'installed'",
                (tuple(modules),),
            )
            if cr.fetchone()[0] == len(modules):
                return
        odoo.service.db.exp_drop(db)
    say(f"installing {', '.join(modules)} into {db} (no demo data)...")
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "-c",
            CONFIG,
            "--log-level=warn",
            *([f"--addons-path={addons_path}"] if addons_path else []),
            "-d",
            db,
            "-i",
            ",".join(modules),
            "--without-demo=all",
            "--stop-after-init",
        ],
        check=True,
    )
    say(f"  installed in {time.monotonic() - started:.0f} s")


def view_spec(env, model, view_type):
    """The web client's field specification for a view (what web_search_read gets)."""
    views = env[model].get_views([(False, view_type)])
    fields = views["models"][model]["fields"]
    spec = {}
    for name, info in fields.items():
        if info["type"] == "many2one":
            spec[name] = {"fields": {"display_name": {}}}
        elif info["type"] == "many2many":
            spec[name] = (
                {"fields": {"display_name": {}, "color": {}}}
                if "color" in env[info["relation"]]._fields
                else {"fields": {"display_name": {}}}
            )
        else:
            spec[name] = {}
    if "activity_ids" in spec:  # the kanban_activity / list_activity widgets' dependencies
        for name in (
            "activity_exception_decoration",
            "activity_exception_icon",
            "activity_state",
            "activity_summary",
            "activity_type_icon",
        ):
            spec[name] = {}
        spec["activity_type_id"] = {"fields": {"display_name": {}}}
    arch = views["views"][view_type]["arch"]
    return spec, arch


def peer_create(env, teams, partners):
    total_s, total_q = 0.0, 0
    for batch in range(max(1, PEER_CREATE_N // 1000)):
        vals = [
            {
                "name": subject(batch * 1000 + j),
                "description": f"<p>Reported by phone, case {batch * 1000 + j}</p>",
                "partner_id": partners[(batch * 1000 + j) % len(partners)].id,
                "team_id": teams[(batch * 1000 + j) % len(teams)].id,
                "priority": str((batch * 1000 + j) % 4),
            }
            for j in range(1000)
        ]
        with Measure() as m:
            env["helpdesk.ticket"].create(vals)
            env.flush_all()
        env.cr.commit()
        total_s += m.seconds
        total_q += m.queries
    n = max(1, PEER_CREATE_N // 1000) * 1000
    return 1000 * total_s / n, total_q / n, n


def peer_fill(env, target):
    cr = env.cr
    count = env["helpdesk.ticket"].with_context(active_test=False).search_count([])
    if count >= target:
        return
    teams = env["helpdesk.ticket.team"].search([])
    partners = env["res.partner"].search([("name", "like", "Bench requester %")])
    stages = env["helpdesk.ticket.stage"].search([])
    say(f"bulk-inserting {target - count} peer tickets in SQL...")
    cr.execute(
        SQL(
            """
        INSERT INTO helpdesk_ticket (number, name, description, partner_id, partner_name,
               team_id, stage_id, priority, company_id, active, kanban_state, sequence,
               unattended, create_date, write_date, create_uid, write_uid, last_stage_update)
        SELECT 'HT' || lpad(g::text, 7, '0'),
               (%s::text[])[1 + mod(g, 15)] || ' ' || (%s::text[])[1 + mod(g / 15, 12)] || ' '
                   || (%s::text[])[1 + mod(g / 180, 10)] || ' #' || g,
               '<p>bulk</p>', (%s::int[])[1 + mod(g, %s)], 'Bench requester',
               (%s::int[])[1 + mod(g, %s)], (%s::int[])[1 + mod(g, %s)], mod(g, 4)::text,
               %s, mod(g, 8) < 6, 'normal', 10, false,
               now() - (mod(g, 400)) * interval '1 hour', now(), 1, 1, now()
          FROM generate_series(%s, %s) g
        """,
            WORDS_A,
            WORDS_B,
            WORDS_C,
            partners.ids,
            len(partners),
            teams.ids,
            len(teams),
            stages.ids,
            len(stages),
            env.company.id,
            count + 1,
            target,
        )
    )
    vacuum(cr, "helpdesk_ticket")


def bench_peer(registry_ours):
    """Same workload on OCA helpdesk_mgmt in its own database; returns the figures or None."""
    if SKIP_PEER:
        return None
    if not os.path.isdir(os.path.join(PEER_ADDONS, "helpdesk_mgmt")):
        say("peer: not installed (see above)")
        return None
    ensure_db(PEER_DB, ["helpdesk_mgmt"], config["addons_path"])
    registry = odoo.modules.registry.Registry(PEER_DB)
    out = {}
    try:
        with registry.cursor() as cr:
            env = api.Environment(cr, odoo.SUPERUSER_ID, {"tz": "UTC"})
            teams = env["helpdesk.ticket.team"].search([("name", "like", "Bench team %")])
            if not teams:
                teams = env["helpdesk.ticket.team"].create(
                    [{"name": f"Bench team {i}"} for i in range(10)]
                )
            partners = env["res.partner"].search([("name", "like", "Bench requester %")])
            if not partners:
                partners = env["res.partner"].create(
                    [
                        {"name": f"Bench requester {i}", "email": f"req{i}@example.com"}
                        for i in range(1000)
                    ]
                )
            cr.commit()
            if not env["helpdesk.ticket"].search_count([]):
                say(f"\n== peer: creating {PEER_CREATE_N} tickets (batches of 1000, chatter on) ==")
                out["create"] = peer_create(env, teams, partners)
                say(
                    f"peer creation: {out['create'][0]:.2f} ms, {out['create'][1]:.1f} SQL per ticket"
                )
            peer_fill(env, TOTAL_N)
        with registry.cursor() as cr:
            env = api.Environment(cr, 2, {"tz": "UTC", "lang": "en_US"})
            Ticket = env["helpdesk.ticket"]
            team = env["helpdesk.ticket.team"].search([("name", "=", "Bench team 1")], limit=1)
            list_spec, _arch = view_spec(env, "helpdesk.ticket", "list")
            kanban_spec, arch = view_spec(env, "helpdesk.ticket", "kanban")

            def list_read():
                Ticket.web_search_read(
                    [("stage_id.closed", "=", False), ("team_id", "=", team.id)],
                    list_spec,
                    limit=80,
                    count_limit=10001,
                )

            out["list"] = timed(env, list_read)

            out["kanban"] = timed(env, lambda: kanban_load(Ticket, kanban_spec, arch))
            some_number = Ticket.search([], limit=1, offset=TOTAL_N // 2).number
            out["ref"] = timed(env, lambda: Ticket.name_search(some_number, limit=8))
            out["subject"] = timed(
                env, lambda: Ticket.name_search("password expired in Shenzhen", limit=8)
            )
            cr.rollback()
    finally:
        odoo.modules.registry.Registry.delete(PEER_DB)
        if not KEEP:
            odoo.sql_db.close_db(PEER_DB)
            odoo.service.db.exp_drop(PEER_DB)
    return out


def table(rows):
    """Print rows (first one is the header) as a Markdown table."""
    widths = [max(len(str(row[c])) for row in rows) for c in range(len(rows[0]))]
    for n, row in enumerate(rows):
        say("| " + " | ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)) + " |")
        if not n:
            say("| " + " | ".join("-" * w for w in widths) + " |")


def fig(pair):
    return f"{pair[0]:.1f} ms, {pair[1]} SQL" if pair else "n/a"


def main():
    peer_addons = None if SKIP_PEER else ensure_peer()
    args = ["-c", CONFIG, "--log-level=warn"]
    config.parse_config(args)
    if peer_addons:
        config.parse_config([*args, f"--addons-path={config['addons_path']},{peer_addons}"])
    odoo.netsvc.init_logger()
    ensure_db(DB, ["it_service_desk"])
    odoo.service.server.load_server_wide_modules()
    registry = odoo.modules.registry.Registry(DB)
    try:
        say(f"\n== creating {CREATE_N} tickets through the ORM (batches of 1000, chatter on) ==")
        created = bench_create(registry)
        bench_reads(registry, "after ORM creation (all new)")
        bulk_fill(registry, 2 * CREATE_N)
        small = bench_reads(registry, "every stage populated")
        bulk_fill(registry, TOTAL_N)
        big = bench_reads(registry, f"at {TOTAL_N} tickets")
    finally:
        odoo.modules.registry.Registry.delete(DB)
        if not KEEP:
            odoo.sql_db.close_db(DB)
            odoo.service.db.exp_drop(DB)
    peer = bench_peer(registry) if peer_addons else None
    peer = peer or {}
    say(f"\n== it_service_desk vs OCA helpdesk_mgmt 18.0, same run, {TOTAL_N} tickets ==")
    rows = [("operation", "ours", "peer", "ratio (peer / ours)", "target")]

    def ratio(key):
        if key in peer and key in big:
            return f"{peer[key][0] / max(big[key][0], 0.001):.1f}x"
        return "n/a"

    if created:
        ours_c = (1000 * created[0] / CREATE_N, created[1] / CREATE_N)
        peer_c = peer.get("create")
        rows.append(
            (
                f"create tickets, chatter on (ours {CREATE_N}, peer {peer_c[2] if peer_c else 0})",
                f"{ours_c[0]:.2f} ms, {ours_c[1]:.1f} SQL per ticket",
                f"{peer_c[0]:.2f} ms, {peer_c[1]:.1f} SQL per ticket" if peer_c else "n/a",
                f"{peer_c[0] / ours_c[0]:.1f}x" if peer_c else "n/a",
                ">= 3x",
            )
        )
    rows.append(
        (
            "filtered list read, 80 rows",
            fig(big["list"]),
            fig(peer.get("list")),
            ratio("list"),
            ">= 2x",
        )
    )
    rows.append(
        (
            f"kanban first load (SQL at {2 * CREATE_N}: {small['kanban'][1]})",
            fig(big["kanban"]),
            fig(peer.get("kanban")),
            ratio("kanban"),
            ">= 3x, flat SQL",
        )
    )
    rows.append(
        ("name search by reference", fig(big["ref"]), fig(peer.get("ref")), ratio("ref"), "< 30 ms")
    )
    rows.append(
        (
            "name search by subject",
            fig(big["subject"]),
            fig(peer.get("subject")),
            ratio("subject"),
            "< 30 ms",
        )
    )
    rows.append(
        ("duplicate search, typical subject", fig(big["dup2"]), "no such feature", "-", "< 30 ms")
    )
    rows.append(
        (
            "duplicate search, subject of ~4 % of rows",
            fig(big["dup"]),
            "no such feature",
            "-",
            "< 30 ms",
        )
    )
    table(rows)


if __name__ == "__main__":
    main()
