"""Benchmark of it_cmdb (run by `make bench`, not part of `make test`).

    SUITE_ODOO_CONFIG=.local/odoo.conf python3 tests/bench_cmdb.py

Creates (or reuses) the database ``bench_cmdb`` with it_cmdb installed without demo
data, bulk-inserts in SQL an IT estate of 50,000 configuration items (500 business
services, 2,500 applications, 2,000 databases, 10,000 servers, 1,000 network devices,
30,000 PCs, 4,000 printers; 70 % of the PCs issued to 2,000 people) and 150,000 typed
relations (services depend on applications and on other services, applications run on
servers and depend on databases and on other applications, databases run on servers,
blade servers are part of chassis, servers, PCs and printers are connected to a tree of
network devices, PCs depend on applications), then prints:

1. impact analysis: from a business service, every item under it (target < 200 ms);
   from a server and from an access switch, the services and users hit; the worst case
   (the root of the network: the whole estate) for information;
2. the CI list of the web client (80 rows + count) with its filters (target < 150 ms);
3. the pivot by class / state / location.

Each figure is the median (and the slowest) of BENCH_CMDB_RUNS runs (default 15).
BENCH_CMDB_KEEP=1 keeps the database (and its data, reused by the next run; after a
change to it_cmdb, update it with -u it_cmdb first); by default it is dropped at the end.
"""

import os
import random
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
DB = os.environ.get("BENCH_CMDB_DB", "bench_cmdb")
RUNS = int(os.environ.get("BENCH_CMDB_RUNS", "15"))
KEEP = os.environ.get("BENCH_CMDB_KEEP") == "1"
COUNTS = {"SVC": 500, "APP": 2500, "DB": 2000, "SRV": 10000, "NET": 1000, "PC": 30000, "PRN": 4000}
TOTAL_RELATIONS = 150_000
HOLDERS = 2000
LOCATIONS = 60


def say(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def odoo_cmd(*args):
    return [sys.executable, "-m", "odoo", "-c", CONFIG, "--log-level=warn", *args]


def module_installed(dbname, module):
    if dbname not in odoo.service.db.list_dbs(True):
        return False
    with odoo.sql_db.db_connect(dbname).cursor() as cr:
        cr.execute(
            "SELECT 1 FROM ir_module_module WHERE name = %s AND state = 'installed'", [module]
        )
        return bool(cr.fetchone())


def ensure_db():
    if module_installed(DB, "it_cmdb"):
        return
    if DB in odoo.service.db.list_dbs(True):
        odoo.service.db.exp_drop(DB)
    say(f"installing it_cmdb into {DB} (no demo data)...")
    started = time.monotonic()
    subprocess.run(
        odoo_cmd("-d", DB, "-i", "it_cmdb", "--without-demo=all", "--stop-after-init"), check=True
    )
    say(f"installed in {time.monotonic() - started:.0f} s")


def make_env(cr):
    return api.Environment(cr, odoo.SUPERUSER_ID, {"tz": "UTC"})


# --------------------------------------------------------------------------- data
def generate(registry):
    with registry.cursor() as cr:
        env = make_env(cr)
        cr.execute(SQL("SELECT count(*) FROM it_ci WHERE name LIKE %s", "bench %"))
        if cr.fetchone()[0] >= sum(COUNTS.values()):
            cr.execute("SELECT count(*) FROM it_ci_relation")
            say(f"reusing the estate: {sum(COUNTS.values())} items, {cr.fetchone()[0]} relations")
            return
        say("generating the estate in SQL...")
        started = time.monotonic()
        rng = random.Random(42)
        company = env.company.id
        classes = {c.code: c for c in env["it.ci.class"].search([])}
        types = {t.code: t for t in env["it.ci.relation.type"].search([])}
        holders = (
            env["res.partner"].create([{"name": f"bench holder {i}"} for i in range(HOLDERS)]).ids
        )
        locations = (
            env["it.ci.location"]
            .create([{"name": f"bench room {i}"} for i in range(LOCATIONS)])
            .ids
        )
        env.flush_all()
        ids = {}
        for code, count in COUNTS.items():
            issued = code == "PC"
            cr.execute(
                SQL(
                    """
                    INSERT INTO it_ci (asset_number, name, class_id, is_service, state, active,
                                       company_id, location_id, owner_department, serial,
                                       warranty_end, holder_partner_id, date_issued,
                                       create_uid, write_uid, create_date, write_date)
                    SELECT 'B-' || %(code)s || '-' || lpad(g::text, 6, '0'),
                           'bench ' || lower(%(code)s) || ' ' || g,
                           %(class_id)s, %(is_service)s,
                           CASE WHEN %(issued)s AND mod(g, 10) < 7 THEN 'issued'
                                WHEN mod(g, 50) = 0 THEN 'in_repair'
                                WHEN mod(g, 97) = 0 THEN 'retired' ELSE 'in_stock' END,
                           true, %(company)s,
                           (%(locations)s::int[])[1 + mod(g, %(nloc)s)],
                           (ARRAY['Finance', 'Sales', 'IT Centre', 'Network', 'HR'])[1 + mod(g, 5)],
                           'SN' || %(code)s || g,
                           CURRENT_DATE + (mod(g * 7919, 1500) - 300),
                           CASE WHEN %(issued)s AND mod(g, 10) < 7
                                THEN (%(holders)s::int[])[1 + mod(g, %(nholders)s)] END,
                           CASE WHEN %(issued)s AND mod(g, 10) < 7 THEN CURRENT_DATE - 30 END,
                           1, 1, now(), now()
                      FROM generate_series(1, %(count)s) g
                    RETURNING id
                    """,
                    code=code,
                    class_id=classes[code].id,
                    is_service=classes[code].is_service,
                    issued=issued,
                    company=company,
                    locations=locations,
                    nloc=len(locations),
                    holders=holders,
                    nholders=len(holders),
                    count=count,
                )
            )
            ids[code] = sorted(row[0] for row in cr.fetchall())
        say(f"  {sum(COUNTS.values())} items in {time.monotonic() - started:.1f} s")

        edges = set()

        def add(source, rel, target):
            if source != target:
                edges.add((source, rel, target))

        svc, app, db, srv, net, pc, prn = (
            ids[c] for c in ("SVC", "APP", "DB", "SRV", "NET", "PC", "PRN")
        )
        for i, s in enumerate(svc):
            for a in rng.sample(app, 4):
                add(s, "depends_on", a)
            if i:
                add(s, "depends_on", svc[rng.randrange(max(0, i - 20), i)])
        for i, a in enumerate(app):
            for s in rng.sample(srv, 2):
                add(a, "runs_on", s)
            add(a, "depends_on", rng.choice(db))
            if i > 1:
                for j in rng.sample(range(max(0, i - 50), i), min(2, i)):
                    add(a, "depends_on", app[j])
        for d in db:
            add(d, "runs_on", rng.choice(srv))
        for i, s in enumerate(srv):
            if i % 10:
                add(s, "part_of", srv[i - i % 10])  # blades in their chassis
            for n in rng.sample(net[10:], 2):
                add(s, "connected_to", n)
        for i, n in enumerate(net[1:], start=1):
            add(n, "connected_to", net[(i - 1) // 10])  # a tree of switches
        for p in pc:
            add(p, "connected_to", rng.choice(net[10:]))
            for a in rng.sample(app, 2):
                add(p, "depends_on", a)
        for p in prn:
            add(p, "connected_to", rng.choice(net[10:]))
        while len(edges) < TOTAL_RELATIONS:
            add(rng.choice(pc), "connected_to", rng.choice(net[10:]))
        edges = sorted(edges)[:TOTAL_RELATIONS]
        for start in range(0, len(edges), 20000):
            chunk = edges[start : start + 20000]
            sources = [e[0] for e in chunk]
            type_ids = [types[e[1]].id for e in chunk]
            targets = [e[2] for e in chunk]
            cr.execute(
                SQL(
                    """
                    INSERT INTO it_ci_relation (source_id, type_id, target_id, upstream_id,
                                                downstream_id, company_id, create_uid,
                                                write_uid, create_date, write_date)
                    SELECT e.s, e.t, e.d,
                           CASE rt.impact_direction WHEN 'to_source' THEN e.d
                                WHEN 'to_target' THEN e.s END,
                           CASE rt.impact_direction WHEN 'to_source' THEN e.s
                                WHEN 'to_target' THEN e.d END,
                           %(company)s, 1, 1, now(), now()
                      FROM unnest(%(s)s::int[], %(t)s::int[], %(d)s::int[]) AS e(s, t, d)
                      JOIN it_ci_relation_type rt ON rt.id = e.t
                    ON CONFLICT DO NOTHING
                    """,
                    company=company,
                    s=sources,
                    t=type_ids,
                    d=targets,
                )
            )
        cr.execute("SELECT count(*) FROM it_ci_relation")
        say(f"  {cr.fetchone()[0]} relations; estate ready in {time.monotonic() - started:.1f} s")
    # what autovacuum would do after a bulk load: statistics and the visibility map
    with odoo.sql_db.db_connect(DB).cursor() as cr:
        cr._cnx.autocommit = True
        try:
            cr.execute("VACUUM ANALYZE it_ci")
            cr.execute("VACUUM ANALYZE it_ci_relation")
        finally:
            cr._cnx.autocommit = False


# --------------------------------------------------------------------------- timing
def timed(registry, func, runs=RUNS):
    """Median and max wall time in ms of func(env), each run in a fresh cursor/cache."""
    times = []
    result = None
    for _ in range(runs + 1):  # first run warms the registry caches, not counted
        with registry.cursor() as cr:
            env = make_env(cr)
            started = time.perf_counter()
            result = func(env)
            times.append((time.perf_counter() - started) * 1000)
            cr.rollback()
    times = times[1:]
    return statistics.median(times), max(times), result


def report(label, registry, func, target=None):
    median, worst, result = timed(registry, func)
    verdict = ""
    if target:
        verdict = "  OK" if median < target else f"  OVER TARGET ({target} ms)"
    say(f"{label:<62} {median:8.1f} ms (max {worst:7.1f}){verdict}  -> {result}")
    return median


def main():
    config.parse_config(["-c", CONFIG, "--log-level=warn"])
    odoo.netsvc.init_logger()
    ensure_db()
    odoo.service.server.load_server_wide_modules()
    registry = odoo.modules.registry.Registry(DB)
    try:
        generate(registry)
        with registry.cursor() as cr:
            env = make_env(cr)
            CI = env["it.ci"]
            service = CI.search([("name", "=", "bench svc 250")])
            server = CI.search([("name", "=", "bench srv 4242")])
            switch = CI.search([("name", "=", "bench net 500")])
            root = CI.search([("name", "=", "bench net 1")])
            pc_class = env["it.ci.class"].search([("code", "=", "PC")])
            location = env["it.ci.location"].search([("name", "=", "bench room 7")])
            ids = {"service": service.id, "server": server.id, "switch": switch.id, "root": root.id}

        say("\n== impact analysis (one recursive SQL query, 50,000 items / 150,000 relations) ==")
        impact_ms = report(
            "service -> items under it (_impact_ids, downstream=False)",
            registry,
            lambda env: len(env["it.ci"]._impact_ids([ids["service"]], downstream=False)),
            target=200,
        )
        report(
            "service -> items under it (ORM field supporting_ci_ids)",
            registry,
            lambda env: len(env["it.ci"].browse(ids["service"]).supporting_ci_ids),
            target=200,
        )

        report(
            "service -> hierarchy tree (first 200 nodes, both directions)",
            registry,
            lambda env: len(str(env["it.ci"].browse(ids["service"]).dependency_tree_html)),
            target=200,
        )

        def hit(ci_id):
            def run(env):
                impact = env["it.ci"].browse(ci_id).get_impact()
                return f"{len(impact['cis'])} items, {len(impact['services'])} services, " + (
                    f"{len(impact['partners'])} users"
                )

            return run

        report("server -> services and users hit (get_impact)", registry, hit(ids["server"]), 200)
        report("access switch -> 2/3 of the estate hit (information)", registry, hit(ids["switch"]))
        report("root switch -> whole estate (worst case, information)", registry, hit(ids["root"]))

        say("\n== CI list of the web client: 80 rows + count (list view fields) ==")
        spec = {
            name: {}
            for name in (
                "asset_number",
                "name",
                "serial",
                "model",
                "vendor",
                "owner_department",
                "warranty_end",
                "state",
                "company_id",
            )
        }
        spec.update(
            {
                name: {"fields": {"display_name": {}}}
                for name in (
                    "class_id",
                    "location_id",
                    "holder_partner_id",
                    "user_id",
                    "business_system_id",
                )
            }
        )

        def listing(domain):
            def run(env):
                res = env["it.ci"].web_search_read(
                    domain, spec, limit=80, order="asset_number, id", count_limit=10001
                )
                return f"{len(res['records'])} rows of {res['length']}"

            return run

        list_ms = []
        for label, domain in [
            ("no filter", []),
            (
                "class = PC and state = issued",
                [("class_id", "=", pc_class.id), ("state", "=", "issued")],
            ),
            ("warranty expiring", [("warranty_expiring", "=", True)]),
            (
                "search 'svc 12' in name/asset/serial",
                [
                    "|",
                    "|",
                    ("name", "ilike", "svc 12"),
                    ("asset_number", "ilike", "svc 12"),
                    ("serial", "ilike", "svc 12"),
                ],
            ),
            (
                "location and state in stock/repair",
                [("location_id", "=", location.id), ("state", "in", ("in_stock", "in_repair"))],
            ),
            ("holder name 'holder 77'", [("holder_partner_id", "ilike", "holder 77")]),
        ]:
            list_ms.append(report(f"list: {label}", registry, listing(domain), target=150))

        say("\n== pivot by class / state / location ==")
        report(
            "read_group class x state x location",
            registry,
            lambda env: len(
                env["it.ci"].read_group(
                    [], ["__count"], ["class_id", "state", "location_id"], lazy=False
                )
            ),
        )
        say("\n== summary ==")
        say(f"impact of a service: {impact_ms:.1f} ms (target < 200 ms)")
        say(f"CI list with filters: worst median {max(list_ms):.1f} ms (target < 150 ms)")
    finally:
        odoo.modules.registry.Registry.delete(DB)
        if not KEEP:
            odoo.service.db.exp_drop(DB)


if __name__ == "__main__":
    main()
