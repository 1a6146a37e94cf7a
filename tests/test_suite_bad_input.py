"""Malformed and hostile input on the main create/write paths of the suite.

Each case says what must happen:
- ``REFUSE``: a clear error (UserError / ValidationError, or a declared SQL constraint,
  which the RPC layer turns into a ValidationError) and the database unchanged (counts
  before/after, the edited record's values re-read); an unknown selection code refused
  by the ORM itself (ValueError) counts as refused;
- ``CLEAN``: accepted, but scripts and event handlers are gone from the stored HTML;
- ``EITHER`` (too long): a clear error, or stored exactly as given -- never a crash.
Anything else (KeyError, TypeError, a raw database error, a refused value that went
through) is a failure, listed with the case. BAD_INPUTS counts the cases tried (create
and write paths of every case, the import files and the malformed mails).
"""

import base64
import itertools
import logging
import os

import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import SuiteTransactionCase

_logger = logging.getLogger(__name__)

REFUSE, CLEAN, EITHER = "refuse", "clean", "either"
SCRIPT = '<p>hello</p><script>alert("x")</script><img src="x" onerror="alert(1)">'
# incompressible text: a btree index over a 20,000 character value overflows
LONG = base64.b64encode(os.urandom(15000)).decode()
HOSTILE_MARKERS = ("<script", "onerror", "javascript:")

# model -> [(label, values, expectation)]; base values per model are in _base()
CASES = {
    "it.ticket": [
        ("no subject", {"name": False}, REFUSE),
        ("subject too long", {"name": LONG}, EITHER),
        ("script in description", {"description": SCRIPT}, CLEAN),
        ("unknown impact code", {"impact": "9"}, REFUSE),
        ("unknown channel", {"channel": "fax"}, REFUSE),
        ("unknown ticket type", {"ticket_type": "wish"}, REFUSE),
        ("impact of the wrong type", {"impact": 3}, REFUSE),
        ("team that does not exist", {"team_id": 999999999}, REFUSE),
    ],
    "it.sla.policy": [
        ("no name", {"name": False}, REFUSE),
        ("negative response target", {"response_hours": -1.0}, REFUSE),
        ("negative resolution target", {"resolution_hours": -24.0}, REFUSE),
        ("zero resolution target", {"resolution_hours": 0.0}, REFUSE),
        ("warning share over 100 %", {"warning_percent": 150.0}, REFUSE),
        ("unknown customer class", {"customer_class": "gold"}, REFUSE),
        ("target of the wrong type", {"response_hours": "four hours"}, REFUSE),
    ],
    "it.ci": [
        ("no name", {"name": False}, REFUSE),
        ("no class", {"class_id": False}, REFUSE),
        ("unknown state", {"state": "stolen"}, REFUSE),
        ("name too long", {"name": LONG}, EITHER),
        ("serial too long", {"serial": LONG}, EITHER),
        ("script in note", {"note": SCRIPT}, CLEAN),
        ("warranty end not a date", {"warranty_end": "next year"}, REFUSE),
    ],
    "it.change": [
        ("no title", {"name": False}, REFUSE),
        (
            "window ends before it starts",
            {"date_start": "2030-01-02 10:00:00", "date_end": "2030-01-01 10:00:00"},
            REFUSE,
        ),
        ("unknown change type", {"change_type": "yolo"}, REFUSE),
        ("unknown risk", {"risk": "extreme"}, REFUSE),
        ("script in description", {"description": SCRIPT}, CLEAN),
        ("script in rollback plan", {"rollback_plan": SCRIPT}, CLEAN),
    ],
    "counter.bag.deposit": [
        ("no locker", {"locker_id": False}, REFUSE),
        ("unknown state", {"state": "eaten"}, REFUSE),
        ("deposit time not a date", {"deposit_time": "yesterday"}, REFUSE),
        ("description too long", {"bag_description": LONG}, EITHER),
    ],
    "counter.lost.item": [
        ("no description", {"name": False}, REFUSE),
        ("negative quantity", {"quantity": -3.0}, REFUSE),
        ("negative value", {"value": -100.0}, REFUSE),
        ("unknown kind", {"kind": "treasure"}, REFUSE),
        ("found time not a date", {"found_time": "this morning"}, REFUSE),
        ("found in the future", {"found_time": "2099-01-01 10:00:00"}, REFUSE),
    ],
    "counter.membership.application": [
        ("no applicant", {"name": False}, REFUSE),
        ("identity number too short", {"identity_number": "12345"}, REFUSE),
        ("identity number of letters", {"identity_number": "ABCDEFGHIJKLMNOPQR"}, REFUSE),
        ("identity number too long", {"identity_number": LONG}, REFUSE),
        ("unknown title", {"title": "king"}, REFUSE),
    ],
    "counter.invoice.request": [
        ("no customer", {"partner_id": False}, REFUSE),
        ("unknown mode", {"mode": "half"}, REFUSE),
        ("unknown invoice kind", {"invoice_kind": "crypto"}, REFUSE),
    ],
    "counter.receipt.line": [
        ("negative amount", {"amount": -5.0}, REFUSE),
        ("zero amount", {"amount": 0.0}, REFUSE),
        ("no item", {"name": False}, REFUSE),
        ("unknown category", {"category": "weapons"}, REFUSE),
    ],
    "care.script": [
        ("no name", {"name": False}, REFUSE),
        ("no code", {"code": False}, REFUSE),
        ("code with spaces and markup", {"code": "<b>my code</b>"}, REFUSE),
        ("duplicate code", {"code": "bag_deposit"}, REFUSE),
        ("unknown audience", {"audience": "aliens"}, REFUSE),
    ],
    "care.script.step": [
        ("no phrase", {"text": False}, REFUSE),
        ("phrase too long", {"text": LONG}, EITHER),
    ],
    "care.evaluation": [
        ("evaluator evaluates themselves", {"evaluator_id": "STAFF"}, REFUSE),
        ("no checklist", {"checklist_id": False}, REFUSE),
        (
            "evaluated record of an unknown model",
            {"res_model": "no.such.model", "res_id": 1},
            REFUSE,
        ),
        ("script in comment", {"comment": SCRIPT}, CLEAN),
        ("unknown state", {"state": "perfect"}, REFUSE),
    ],
    "care.evaluation.line": [
        ("negative weight", {"weight": -2.0}, REFUSE),
        ("unknown result", {"result": "brilliant"}, REFUSE),
        ("no criterion", {"name": False}, REFUSE),
    ],
}
IMPORT_FILES = {
    "not UTF-8": ("register.csv", b"\xff\xfe\x00n\x00a\x00m\x00e\xff\xff"),
    "empty file": ("register.csv", b""),
    "only blank lines": ("register.csv", b"\n\n,,\n"),
    "fake XLSX": ("register.xlsx", b"PK\x03\x04 this is not a workbook"),
    "unknown column": ("register.csv", b"name,class,colour\nPC 1,PC,red\n"),
    "missing class column": ("register.csv", b"name,serial\nPC 1,SN1\n"),
    "row without name": ("register.csv", b"name,class\n,PC\nPC 2,PC\n"),
    "unknown class": ("register.csv", b"name,class\nPC 1,SPACESHIP\n"),
    "bad warranty date": ("register.csv", b"name,class,warranty_end\nPC 1,PC,31/02/2030\n"),
    "duplicate asset number": (
        "register.csv",
        b"asset_number,name,class\nDUP-1,PC 1,PC\nDUP-1,PC 2,PC\n",
    ),
    "header only": ("register.csv", b"name,class\n"),
}
MAILS = {
    "no subject": {"subject": None, "body": "My screen is black."},
    "empty body": {"subject": "Empty", "body": ""},
    "huge body": {"subject": "Log dump", "body": "ERROR line\n" * 200_000},
    "unknown sender": {"subject": "Hello from outside", "sender": "stranger@unknown.example"},
    "script in HTML body": {"subject": "Look", "body": SCRIPT, "html": True},
    "attachments": {"subject": "Screenshots", "attachments": True},
    "Chinese subject, GBK charset": {"subject": "打印机坏了", "body": "无法打印", "charset": "gbk"},
}
# create and write path of every model case, plus the import files and the mails
_SEQ = itertools.count(1)
SUITE = ["customer_care_scripts", "it_service_desk", "it_sla", "it_cmdb", "retail_counter"]
BAD_INPUTS = sum(2 * len(cases) for cases in CASES.values()) + len(IMPORT_FILES) + len(MAILS)


def _raw_mail(
    name,
    subject=None,
    body="text",
    sender="requester@example.com",
    html=False,
    attachments=False,
    charset="utf-8",
):
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "desk@example.com"
    msg["Message-Id"] = f"<bad-input-{name.replace(' ', '-')}@example.com>"
    if subject is not None:
        msg["Subject"] = subject
    if html:
        msg.set_content(body, subtype="html", charset=charset)
    else:
        msg.set_content(body, charset=charset)
    if attachments:
        msg.add_attachment(
            b"\x89PNG\r\n\x1a\nnot really",
            maintype="image",
            subtype="png",
            filename="screen shot <1>.png",
        )
        msg.add_attachment(
            b"MZ\x90\x00",
            maintype="application",
            subtype="octet-stream",
            filename="../../etc/passwd.exe",
        )
    return msg.as_string()


class TestSuiteBadInput(SuiteTransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.staff = env["res.users"].create({"name": "Evaluated Clerk", "login": "bad_clerk"})
        cls.evaluator = env["res.users"].create({"name": "Evaluator", "login": "bad_eval"})
        cls.calendar = env.ref("resource.resource_calendar_std")
        cls.ci_class = env["it.ci.class"].search([], limit=1)
        cls.receipt = env["counter.receipt"].create({"name": "BAD-RECEIPT-1"})
        cls.customer = env["res.partner"].create({"name": "Bad Input Customer"})
        cls.script = env["care.script"].create(
            {"name": "Bad input base script", "code": "bad_input_base"}
        )
        cls.checklist = env["care.checklist"].search([], limit=1)
        cls.locker = env["counter.locker"].create({"tag_number": "BAD-001"})
        cls.base_records = {}
        for model in CASES:
            cls.base_records[model] = env[model].create(cls._base(model))

    @classmethod
    def _base(cls, model):
        env = cls.env
        if model == "counter.bag.deposit":
            # a locker of its own, so that the base deposit does not hold the one tried
            locker = env["counter.locker"].create({"tag_number": f"BAD-L{next(_SEQ)}"})
        return {
            "it.ticket": lambda: {"name": "Bad input base ticket"},
            "it.sla.policy": lambda: {
                "name": "Bad input base policy",
                "sequence": 9999,
                "priority": "4",
                "calendar_id": cls.calendar.id,
            },
            "it.ci": lambda: {"name": "Bad input base item", "class_id": cls.ci_class.id},
            "it.change": lambda: {"name": "Bad input base change"},
            "counter.bag.deposit": lambda: {"locker_id": locker.id, "customer_name": "Base"},
            "counter.lost.item": lambda: {"name": "Base umbrella"},
            "counter.membership.application": lambda: {"name": "Base applicant"},
            "counter.invoice.request": lambda: {"partner_id": cls.customer.id},
            "counter.receipt.line": lambda: {
                "receipt_id": cls.receipt.id,
                "name": "Rice",
                "amount": 10.0,
            },
            "care.script": lambda: {"name": "Base", "code": f"bad_input_{next(_SEQ)}"},
            "care.script.step": lambda: {
                "script_id": cls.script.id,
                "text": "Hello {customer_name}",
            },
            "care.evaluation": lambda: {
                "checklist_id": cls.checklist.id,
                "staff_id": cls.staff.id,
                "evaluator_id": cls.evaluator.id,
            },
            "care.evaluation.line": lambda: {
                # the draft evaluation created above as the base of the evaluation cases
                "evaluation_id": cls.base_records["care.evaluation"].id,
                "name": "Greets within five steps",
            },
        }[model]()

    def _counts(self, model):
        Model = self.env[model].with_context(active_test=False)
        return (Model.search_count([]), self.env["mail.message"].search_count([]))

    def _try(self, model, label, vals, expect, path):
        """Run one case; return None when it behaved, else the failure text."""
        vals = {k: (self.staff.id if v == "STAFF" else v) for k, v in vals.items()}
        record = self.base_records[model]
        watched = list(vals)
        before_counts = self._counts(model)
        before_values = record.read(watched)[0] if path == "write" else None
        result = None
        try:
            with mute_logger("odoo.sql_db", "odoo.models"), self.env.cr.savepoint():
                if path == "create":
                    result = self.env[model].create({**self._base(model), **vals})
                else:
                    record.write(vals)
                    result = record
                result.flush_recordset()
                if expect == CLEAN:
                    stored = str(result.read(watched)[0])
                    for marker in HOSTILE_MARKERS:
                        if marker in stored:
                            return f"stored {marker!r}"
                    return None
                if expect == EITHER:
                    stored = result.read(watched)[0]
                    if any(stored[k] != v for k, v in vals.items()):
                        return "stored but truncated or altered"
                    return None
                raise _WentThrough()
        except _WentThrough:
            return "accepted"
        except (UserError, ValidationError, ValueError) as exc:
            if isinstance(exc, AccessError):
                return f"AccessError: {exc}"
            if expect == CLEAN:
                return f"refused instead of cleaned: {exc}"
        except psycopg2.IntegrityError as exc:
            constraint = getattr(exc.diag, "constraint_name", "") or ""
            declared = set(self.env.registry._sql_constraints) | {
                c.name for c in self.env["ir.model.constraint"].search([])
            }
            if exc.pgcode == "23503":  # foreign key: the RPC layer says "record missing"
                pass
            elif constraint not in declared and exc.pgcode != "23502":
                return f"undeclared constraint {constraint}: {exc.pgerror}"
            if expect == CLEAN:
                return f"refused instead of cleaned: {exc}"
        except Exception as exc:  # noqa: BLE001 - a crash is what this test reports
            # the database refusing a malformed value Odoo passed on (e.g. a date string
            # the ORM does not parse) is Odoo's, whichever module's query flushed it
            where = None if isinstance(exc, psycopg2.DataError) else _suite_frame(exc)
            text = f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
            if where:
                return f"crash in {where} {text}"
            # raised by Odoo itself (e.g. the database refusing a malformed date): the
            # module is not at fault; logged and counted, the database is checked below
            self.core_refusals.append(f"{model} {path} {label}: {text}")
        self.env.invalidate_all()
        if self._counts(model) != before_counts:
            return "refused but the database changed"
        if path == "write" and record.read(watched)[0] != before_values:
            return "refused but the record changed"
        return None

    def test_bad_values_on_create_and_write(self):
        tried, failures = 0, []
        self.core_refusals = []
        for model, cases in CASES.items():
            for label, vals, expect in cases:
                for path in ("create", "write"):
                    tried += 1
                    problem = self._try(model, label, vals, expect, path)
                    if problem:
                        failures.append(f"{model} {path} {label}: {problem}")
        _logger.info(
            "bad input: %s model cases tried, %s failures, refused by Odoo core with a raw "
            "error (not a module fault): %s",
            tried,
            len(failures),
            self.core_refusals,
        )
        self.assertEqual(tried + len(IMPORT_FILES) + len(MAILS), BAD_INPUTS)
        self.assertFalse(
            failures, f"{len(failures)} of {tried} bad inputs mishandled:\n" + "\n".join(failures)
        )

    def test_script_text_is_escaped_when_rendered(self):
        self.env["care.script.step"].create(
            {"script_id": self.script.id, "text": SCRIPT + " {customer_name}"}
        )
        html = self.script._care_render_html({"customer_name": '<img src=x onerror="alert(2)">'})
        # the phrases and the values filled in are text: no tag of theirs survives
        self.assertNotIn("<script", str(html))
        self.assertNotIn("<img", str(html))
        self.assertIn("&lt;img src=x onerror=", str(html))

    def test_import_wizard_refuses_bad_files_whole(self):
        Ci = self.env["it.ci"].with_context(active_test=False)
        failures = []
        for label, (filename, content) in IMPORT_FILES.items():
            count = Ci.search_count([])
            try:
                with self.env.cr.savepoint():
                    wizard = self.env["it.ci.import.wizard"].create(
                        {"file": base64.b64encode(content), "filename": filename}
                    )
                    wizard.action_import()
                    if wizard.state != "error" or not wizard.error_report:
                        failures.append(f"{label}: accepted ({wizard.imported_count} items)")
            except (UserError, ValidationError):
                pass
            except Exception as exc:  # noqa: BLE001 - a crash is what this test reports
                failures.append(f"{label}: crash {type(exc).__name__}: {exc}")
            if Ci.search_count([]) != count:
                failures.append(f"{label}: items were created")
        # control: a good file goes in
        good = self.env["it.ci.import.wizard"].create(
            {
                "file": base64.b64encode(f"name,class\nGood PC,{self.ci_class.code}\n".encode()),
                "filename": "good.csv",
            }
        )
        good.action_import()
        self.assertTrue(Ci.search([("name", "=", "Good PC")]))
        self.assertFalse(failures, "\n".join(failures))

    def test_mail_gateway_survives_malformed_mails(self):
        Ticket = self.env["it.ticket"].with_context(active_test=False)
        failures = []
        for label, spec in MAILS.items():
            count = Ticket.search_count([])
            try:
                with self.env.cr.savepoint():
                    ticket_id = self.env["mail.thread"].message_process(
                        "it.ticket", _raw_mail(label, **spec)
                    )
                    ticket = Ticket.browse(ticket_id)
                    if not ticket.exists() or Ticket.search_count([]) != count + 1:
                        failures.append(f"{label}: no ticket recorded")
                        continue
                    if not ticket.name:
                        failures.append(f"{label}: ticket without subject")
                    if ticket.channel != "email":
                        failures.append(f"{label}: channel {ticket.channel}")
                    stored = str(ticket.description or "") + "".join(
                        str(m.body) for m in ticket.message_ids
                    )
                    if any(marker in stored for marker in HOSTILE_MARKERS):
                        failures.append(f"{label}: hostile HTML stored")
                    if spec.get("attachments") and len(ticket.message_ids.attachment_ids) < 2:
                        failures.append(f"{label}: attachments lost")
                    if spec.get("charset") == "gbk" and ticket.name != spec["subject"]:
                        failures.append(f"{label}: subject decoded as {ticket.name!r}")
            except Exception as exc:  # noqa: BLE001 - a crash is what this test reports
                failures.append(f"{label}: crash {type(exc).__name__}: {exc}")
        self.assertFalse(failures, "\n".join(failures))


def _suite_frame(exc):
    """'addons/<module>/<file>:<line>' of the innermost frame of the suite's code."""
    where = None
    tb = exc.__traceback__
    while tb:
        path = tb.tb_frame.f_code.co_filename
        if "/addons/" in path and any(f"/addons/{m}/" in path for m in SUITE):
            where = f"{path[path.index('addons/') :]}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


class _WentThrough(Exception):
    """A refused value went through (raised inside the savepoint to roll it back)."""
