#!/usr/bin/env python3
"""Launcher of the service desk suite: `make run`, `make test`, `make stop`, `make bench`.

It never downloads Odoo. It checks that Odoo 18.0 is importable, finds or starts a
PostgreSQL server (a private cluster under .local/postgres unless ODOO_DB_HOST names a
real one), writes the effective Odoo configuration to .local/odoo.conf, then installs,
serves or tests the five modules.

Every failure the user can fix ends in one line on stderr starting with "error:" and
a non-zero exit status.
"""

import argparse
import configparser
import glob
import hashlib
import os
import pwd
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCAL = ROOT / ".local"
ADDONS = ROOT / "addons"
MODULES = [
    "customer_care_scripts",
    "it_service_desk",
    "it_sla",
    "it_cmdb",
    "retail_counter",
]
PRIVATE_PORT = int(os.environ.get("ODOO_PRIVATE_PG_PORT", "54329"))
PRIVATE_USER = "odoo"

# exit codes, so the tests of the launcher can tell the failures apart
EXIT_NO_ODOO = 2
EXIT_NO_POSTGRES = 3


class LaunchError(Exception):
    def __init__(self, message, code=1):
        super().__init__(message)
        self.code = code


def say(message):
    print(f"[suite] {message}", flush=True)


# --------------------------------------------------------------------------- Odoo
def check_odoo():
    """Return Odoo's root folder (the one holding odoo/ and, for a source install, addons/)."""
    probe = (
        "import odoo.release as r, os, odoo;"
        "print(r.version_info[0]); print(r.version);"
        "print(os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__))))"
    )
    try:
        out = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LaunchError(f"cannot run {sys.executable}: {exc}", EXIT_NO_ODOO) from exc
    if out.returncode != 0:
        raise LaunchError(
            f"Odoo is not importable by {sys.executable}: install Odoo 18.0 Community "
            "(Odoo's packages or its source with `pip install -r requirements-odoo.txt` "
            "and `pip install -e <odoo source>`, see README)",
            EXIT_NO_ODOO,
        )
    major, version, root = out.stdout.splitlines()[-3:]
    if major.strip() != "18":
        raise LaunchError(
            f"Odoo {version.strip()} is importable by {sys.executable}, but the suite "
            "needs Odoo 18.0 Community: install Odoo 18.0 (see README)",
            EXIT_NO_ODOO,
        )
    return Path(root.strip())


def addons_path(odoo_root):
    paths = [str(ADDONS)]
    # A source checkout keeps the standard addons beside the odoo package; a
    # Debian/pip package keeps them inside odoo/addons, which Odoo always adds.
    source_addons = odoo_root / "addons"
    if (source_addons / "web" / "__manifest__.py").is_file():
        paths.append(str(source_addons))
    extra = os.environ.get("ODOO_EXTRA_ADDONS")
    if extra:
        paths.extend(p for p in extra.split(",") if p)
    return ",".join(paths)


# --------------------------------------------------------------------- PostgreSQL
def db_settings():
    """Database settings: a real server when ODOO_DB_HOST is set, else the private cluster."""
    if os.environ.get("ODOO_DB_HOST"):
        return {
            "private": False,
            "host": os.environ["ODOO_DB_HOST"],
            "port": int(os.environ.get("ODOO_DB_PORT", "5432")),
            "user": os.environ.get("ODOO_DB_USER", "odoo"),
            "password": os.environ.get("ODOO_DB_PASSWORD", ""),
        }
    return {
        "private": True,
        "host": "127.0.0.1",
        "port": PRIVATE_PORT,
        "user": PRIVATE_USER,
        "password": "",
    }


def pg_bindir():
    """Folder of initdb/pg_ctl: PATH first, then Debian's versioned folders."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0,
    )
    if candidates:
        return Path(candidates[-1]).parent
    return None


def ensure_postgres_installed():
    bindir = pg_bindir()
    if bindir:
        return bindir
    may_install = (
        os.geteuid() == 0 and shutil.which("apt-get") and os.environ.get("SUITE_NO_APT") != "1"
    )
    if may_install:
        say("PostgreSQL is missing: installing Debian's postgresql package")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        res = subprocess.run(
            ["apt-get", "install", "-y", "-qq", "postgresql", "postgresql-contrib"],
            env=env,
        )
        bindir = pg_bindir() if res.returncode == 0 else None
        if bindir:
            return bindir
    raise LaunchError(
        "PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian's "
        "postgresql package (`sudo apt-get install postgresql`) or set ODOO_DB_HOST "
        "to a running server",
        EXIT_NO_POSTGRES,
    )


def _pg_owner():
    """PostgreSQL refuses to run as root: as root the cluster belongs to 'postgres'."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres")
    except KeyError as exc:
        raise LaunchError(
            "running as root but there is no 'postgres' system user to own the private "
            "cluster: install Debian's postgresql package or run as a normal user",
            EXIT_NO_POSTGRES,
        ) from exc


def _as_owner(cmd, owner):
    if owner is None:
        return cmd
    return ["runuser", "-u", owner.pw_name, "--", *cmd]


def private_cluster_dir(owner):
    """.local/postgres, unless the cluster's owner cannot reach it (e.g. a clone in /root)."""
    base = LOCAL / "postgres"
    if owner is None:
        return base
    probe = subprocess.run(_as_owner(["test", "-x", str(LOCAL)], owner), capture_output=True)
    if probe.returncode == 0:
        return base
    # Why: the 'postgres' user cannot traverse the folders above the clone; keep the
    # cluster in a folder of its own named after the clone, and say so.
    digest = hashlib.sha1(str(ROOT).encode()).hexdigest()[:10]
    fallback = Path("/var/tmp") / f"service-desk-pg-{digest}"
    say(f"'postgres' cannot enter {LOCAL}; private cluster kept in {fallback}")
    return fallback


def start_private_cluster():
    bindir = ensure_postgres_installed()
    owner = _pg_owner()
    LOCAL.mkdir(exist_ok=True)
    os.chmod(LOCAL, 0o755)
    base = private_cluster_dir(owner)
    data, run = base / "data", base / "run"
    for folder in (base, run):
        folder.mkdir(parents=True, exist_ok=True)
        if owner:
            os.chown(folder, owner.pw_uid, owner.pw_gid)
    if not (data / "PG_VERSION").exists():
        say(f"creating the private PostgreSQL cluster in {data}")
        res = subprocess.run(
            _as_owner(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    PRIVATE_USER,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                ],
                owner,
            ),
            capture_output=True,
            text=True,
        )
        if res.returncode != 0:
            raise LaunchError(
                f"initdb failed: {res.stderr.strip().splitlines()[-1:]}", EXIT_NO_POSTGRES
            )
    status = subprocess.run(
        _as_owner([str(bindir / "pg_ctl"), "-D", str(data), "status"], owner),
        capture_output=True,
    )
    if status.returncode != 0:
        say(f"starting the private PostgreSQL cluster on 127.0.0.1:{PRIVATE_PORT}")
        opts = (
            f"-c listen_addresses=127.0.0.1 -c port={PRIVATE_PORT} "
            f"-c unix_socket_directories={run} -c max_connections=200 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c shared_buffers=512MB"
        )
        res = subprocess.run(
            _as_owner(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(base / "server.log"),
                    "-o",
                    opts,
                    "-w",
                    "-t",
                    "60",
                    "start",
                ],
                owner,
            ),
            capture_output=True,
            text=True,
        )
        if res.returncode != 0:
            raise LaunchError(
                f"the private PostgreSQL cluster did not start on 127.0.0.1:{PRIVATE_PORT} "
                f"(port taken? set ODOO_PRIVATE_PG_PORT; log: {base / 'server.log'})",
                EXIT_NO_POSTGRES,
            )


def stop_private_cluster():
    bindir = pg_bindir()
    owner = _pg_owner()
    base = private_cluster_dir(owner)
    data = base / "data"
    if not bindir or not (data / "PG_VERSION").exists():
        say("no private PostgreSQL cluster to stop")
        return
    subprocess.run(
        _as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"], owner),
        check=False,
    )


def connect(settings, dbname="postgres"):
    import psycopg2

    try:
        return psycopg2.connect(
            host=settings["host"],
            port=settings["port"],
            user=settings["user"],
            password=settings["password"] or None,
            dbname=dbname,
            connect_timeout=10,
        )
    except psycopg2.OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "no answer"
        raise LaunchError(
            f"PostgreSQL at {settings['host']}:{settings['port']} is not reachable as "
            f"user {settings['user']!r} ({first}): start it or fix ODOO_DB_HOST/"
            "ODOO_DB_PORT/ODOO_DB_USER/ODOO_DB_PASSWORD",
            EXIT_NO_POSTGRES,
        ) from exc


def ensure_postgres():
    settings = db_settings()
    if settings["private"]:
        start_private_cluster()
    connect(settings).close()
    return settings


def database_exists(settings, name):
    conn = connect(settings)
    try:
        with conn.cursor() as cr:
            cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            return bool(cr.fetchone())
    finally:
        conn.close()


def modules_installed(settings, name):
    conn = connect(settings, name)
    try:
        with conn.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM ir_module_module WHERE name = ANY(%s) "
                "AND state = 'installed'",
                [MODULES],
            )
            return cr.fetchone()[0] == len(MODULES)
    except Exception:  # noqa: BLE001 - a half-created database is simply not ready
        return False
    finally:
        conn.close()


def drop_database(settings, name):
    from psycopg2 import sql

    conn = connect(settings)
    conn.autocommit = True
    try:
        with conn.cursor() as cr:
            cr.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            )
            cr.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
    finally:
        conn.close()
    shutil.rmtree(LOCAL / "data" / "filestore" / name, ignore_errors=True)


# ------------------------------------------------------------------- configuration
def write_config(odoo_root, settings):
    parser = configparser.RawConfigParser()
    parser.read(ROOT / "odoo.conf")
    opts = parser["options"]
    opts["addons_path"] = addons_path(odoo_root)
    opts["data_dir"] = str(LOCAL / "data")
    # browser tests keep their failure screenshots here (git-ignored, a CI artefact)
    opts["screenshots"] = str(LOCAL / "screenshots")
    opts["db_host"] = settings["host"]
    opts["db_port"] = str(settings["port"])
    opts["db_user"] = settings["user"]
    opts["db_password"] = settings["password"] or "False"
    if os.environ.get("ODOO_HTTP_PORT"):
        opts["http_port"] = os.environ["ODOO_HTTP_PORT"]
    LOCAL.mkdir(exist_ok=True)
    target = LOCAL / "odoo.conf"
    with open(target, "w", encoding="utf-8") as handle:
        parser.write(handle)
    return target


def odoo_cmd(config, *args):
    return [sys.executable, "-m", "odoo", "-c", str(config), *args]


def install(config, dbname, modules, demo=True, log_level="warn"):
    args = ["-d", dbname, "-i", ",".join(modules), "--stop-after-init", f"--log-level={log_level}"]
    if not demo:
        args.append("--without-demo=all")
    say(f"installing {', '.join(modules)} into database {dbname!r}")
    started = time.monotonic()
    res = subprocess.run(odoo_cmd(config, *args))
    if res.returncode != 0:
        raise LaunchError(f"installing the modules into {dbname!r} failed (see the log above)")
    say(f"installed in {time.monotonic() - started:.0f} s")


def prepare():
    odoo_root = check_odoo()
    settings = ensure_postgres()
    config = write_config(odoo_root, settings)
    return settings, config


# ------------------------------------------------------------------------ commands
def cmd_check(_args):
    prepare()
    say("Odoo 18.0 is importable and PostgreSQL answers")
    return 0


def cmd_run(args):
    settings, config = prepare()
    dbname = args.database
    if not database_exists(settings, dbname) or not modules_installed(settings, dbname):
        install(config, dbname, MODULES, demo=True)
    port = os.environ.get("ODOO_HTTP_PORT", "8069")
    say(f"serving http://localhost:{port}  database {dbname!r}  login: admin  password: admin")
    say("Ctrl-C stops Odoo; `make stop` stops the private PostgreSQL cluster")
    proc = subprocess.Popen(odoo_cmd(config, "-d", dbname, f"--db-filter=^{dbname}$"))
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.send_signal(signal.SIGINT)
        return proc.wait()


def cmd_test(args):
    settings, config = prepare()
    dbname = args.database or f"sdtest_{os.getpid()}"
    if database_exists(settings, dbname):
        drop_database(settings, dbname)
    code = 1
    try:
        install(config, dbname, MODULES, demo=True)
        pytest_args = [
            sys.executable,
            "-m",
            "pytest",
            f"--odoo-config={config}",
            f"--odoo-database={dbname}",
            "--odoo-http",
            *(args.pytest_args or ["addons", "tests"]),
        ]
        env = dict(os.environ, SUITE_TEST_DATABASE=dbname, SUITE_ODOO_CONFIG=str(config))
        code = subprocess.run(pytest_args, cwd=ROOT, env=env).returncode
        # pytest exits 5 when it collected nothing: that is a failure of the suite
        if code == 5:
            print("error: pytest collected no test", file=sys.stderr)
            code = 1
    finally:
        if not args.keep:
            drop_database(settings, dbname)
    return code


def cmd_bench(args):
    settings, config = prepare()
    env = dict(os.environ, SUITE_ODOO_CONFIG=str(config))
    scripts = args.scripts or sorted(str(p) for p in (ROOT / "tests").glob("bench_*.py"))
    code = 0
    for script in scripts:
        say(f"benchmark {script}")
        code |= subprocess.run([sys.executable, script], cwd=ROOT, env=env).returncode
    return code


def cmd_stop(_args):
    if db_settings()["private"]:
        stop_private_cluster()
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="check Odoo and PostgreSQL").set_defaults(func=cmd_check)
    run = sub.add_parser("run", help="install on first run, then serve the web client")
    run.add_argument("--database", default=os.environ.get("ODOO_DATABASE", "service_desk"))
    run.set_defaults(func=cmd_run)
    test = sub.add_parser("test", help="install on a throwaway database and run pytest-odoo")
    test.add_argument("--database", help="database name (default: a new throwaway one)")
    test.add_argument("--keep", action="store_true", help="keep the database afterwards")
    test.add_argument("pytest_args", nargs="*", help="paths/options for pytest")
    test.set_defaults(func=cmd_test)
    bench = sub.add_parser("bench", help="run the benchmarks under tests/")
    bench.add_argument("scripts", nargs="*")
    bench.set_defaults(func=cmd_bench)
    sub.add_parser("stop", help="stop the private PostgreSQL cluster").set_defaults(func=cmd_stop)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except LaunchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.code


if __name__ == "__main__":
    sys.exit(main())
