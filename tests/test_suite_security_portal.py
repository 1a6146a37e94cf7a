"""Portal isolation, identity numbers and controller routes of the whole suite.

- a portal requester cannot reach another requester's ticket or its attachments by id
  (ORM, /web/content/<id>, /my/it-tickets/<id>), while their own are served (controls);
- identity numbers and home phones of members are hidden from every role but the
  counter supervisors (fields_get, read, search), the masked twins are shown;
- every HTTP route the five modules declare requires a logged-in user (or is listed
  below as proven safe) and every http route accepting POST keeps CSRF on.
"""

import base64
import re
import threading
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from .common import SuiteHttpCase, SuiteTransactionCase

SUITE = ["customer_care_scripts", "it_service_desk", "it_sla", "it_cmdb", "retail_counter"]
# routes with auth "public"/"none" that were reviewed and proven safe: {path: reason}
PUBLIC_ROUTES_PROVEN_SAFE = {}
IDENTITY = "110105198001019876"
HOME_PHONE = "010-66778899"


def suite_routes(env):
    """(url, routing, defining module) of every route a module of the suite declares
    (or overrides) in the live routing map."""
    routes = []
    # the routing map is built for the database of the current thread (a request's)
    with patch.object(threading.current_thread(), "dbname", env.cr.dbname, create=True):
        rules = list(env["ir.http"].routing_map().iter_rules())
    for rule in rules:
        endpoint = rule.endpoint
        method = getattr(endpoint, "func", endpoint)
        owner = getattr(method, "__self__", None)
        name = getattr(method, "__name__", "")
        modules = {
            cls.__module__.split(".")[2]
            for cls in type(owner).__mro__
            if owner is not None
            and name in cls.__dict__
            and cls.__module__.startswith("odoo.addons.")
            and cls.__module__.split(".")[2] in SUITE
        }
        if modules:
            routes.append((rule.rule, endpoint.routing, sorted(modules)))
    return routes


class TestSuiteRoutes(SuiteTransactionCase):
    def test_suite_routes_are_found(self):
        urls = {url for url, _routing, _modules in suite_routes(self.env)}
        # the scan must see the routes the modules are known to declare
        self.assertIn("/my/it-tickets/<int:ticket_id>", urls)
        self.assertIn("/retail_counter/invoices.xlsx", urls)
        self.assertGreaterEqual(len(urls), 6)

    def test_every_route_requires_a_user_or_is_proven_safe(self):
        offenders = [
            f"{url} auth={routing.get('auth')} ({', '.join(modules)})"
            for url, routing, modules in suite_routes(self.env)
            if routing.get("auth", "user") != "user" and url not in PUBLIC_ROUTES_PROVEN_SAFE
        ]
        self.assertFalse(offenders, "routes open without login: " + "; ".join(offenders))

    def test_every_post_route_keeps_csrf(self):
        checked, offenders = 0, []
        for url, routing, modules in suite_routes(self.env):
            methods = routing.get("methods")
            if routing.get("type") != "http" or (methods and "POST" not in methods):
                continue
            checked += 1  # explicit POST, or any method (POST included)
            if routing.get("csrf", True) is False:
                offenders.append(f"{url} ({', '.join(modules)})")
        self.assertGreater(checked, 0)
        self.assertFalse(offenders, "POST routes without CSRF: " + "; ".join(offenders))


class TestSuiteIdentityNumbers(SuiteTransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls.env["res.partner"].create(
            {
                "name": "Member With Identity",
                "counter_identity_number": IDENTITY,
                "counter_home_phone": HOME_PHONE,
            }
        )
        cls.supervisor = new_test_user(
            cls.env, login="id_supervisor", groups="retail_counter.group_counter_supervisor"
        )
        cls.others = [
            new_test_user(cls.env, login=f"id_{xmlid.split('.')[1]}", groups=xmlid)
            for xmlid in (
                "retail_counter.group_counter_staff",
                "retail_counter.group_counter_loss_prevention",
                "retail_counter.group_counter_finance",
                "it_service_desk.group_it_manager",
                "customer_care_scripts.group_care_manager",
                "it_cmdb.group_cmdb_manager",
            )
        ]

    def test_supervisors_read_identity_numbers(self):
        member = self.member.with_user(self.supervisor)
        self.assertIn("counter_identity_number", member.fields_get())
        values = member.read(["counter_identity_number", "counter_home_phone"])[0]
        self.assertEqual(values["counter_identity_number"], IDENTITY)
        self.assertEqual(values["counter_home_phone"], HOME_PHONE)

    def test_other_roles_see_masked_numbers_only(self):
        for user in self.others:
            with self.subTest(user=user.login):
                member = self.member.with_user(user)
                fields = member.fields_get()
                self.assertNotIn("counter_identity_number", fields)
                self.assertNotIn("counter_home_phone", fields)
                for fname in ("counter_identity_number", "counter_home_phone"):
                    with self.assertRaises(AccessError):
                        member.read([fname])
                    # nor guessed through a search
                    with self.assertRaises(AccessError):
                        member.search([(fname, "=", IDENTITY)])
                masked = member.read(["counter_identity_masked", "counter_home_phone_masked"])[0]
                self.assertEqual(masked["counter_identity_masked"], "*" * 14 + IDENTITY[-4:])
                self.assertNotIn(IDENTITY, str(masked))
                self.assertNotIn(HOME_PHONE, str(masked))

    def test_issued_card_applications_keep_identity_masked(self):
        issued = self.env["counter.membership.application"].search([("state", "=", "issued")])
        self.assertTrue(issued, "demo data has issued member cards")
        for application in issued:
            self.assertRegex(application.identity_number or "", r"^\*+\w{0,4}$")


class TestSuitePortalIsolation(SuiteHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alice = new_test_user(
            cls.env, login="portal_alice", groups="base.group_portal", email="alice@example.com"
        )
        cls.bob = new_test_user(
            cls.env, login="portal_bob", groups="base.group_portal", email="bob@example.com"
        )
        Ticket = cls.env["it.ticket"]
        cls.alice_ticket = Ticket.create(
            {"name": "Alice printer jammed", "partner_id": cls.alice.partner_id.id}
        )
        cls.bob_ticket = Ticket.create(
            {"name": "Bob secret salary system", "partner_id": cls.bob.partner_id.id}
        )
        Attachment = cls.env["ir.attachment"]
        cls.alice_file = Attachment.create(
            {
                "name": "alice.txt",
                "datas": base64.b64encode(b"alice's own screenshot"),
                "res_model": "it.ticket",
                "res_id": cls.alice_ticket.id,
            }
        )
        cls.bob_file = Attachment.create(
            {
                "name": "bob.txt",
                "datas": base64.b64encode(b"BOB-CONFIDENTIAL-PAYSLIP"),
                "res_model": "it.ticket",
                "res_id": cls.bob_ticket.id,
            }
        )
        cls.bob_ticket.message_post(body="Payslip attached", attachment_ids=cls.bob_file.ids)

    def test_orm_refuses_other_requesters_ticket_and_attachment(self):
        self.assertEqual(
            self.alice_ticket.with_user(self.alice).read(["name"])[0]["id"], self.alice_ticket.id
        )
        with self.assertRaises(AccessError):
            self.bob_ticket.with_user(self.alice).read(["name"])
        self.assertNotIn(self.bob_ticket, self.env["it.ticket"].with_user(self.alice).search([]))
        with self.assertRaises(AccessError):
            self.bob_file.with_user(self.alice).read(["datas"])
        with self.assertRaises(AccessError):
            self.env["ir.attachment"].with_user(self.alice).search_read(
                [("res_model", "=", "it.ticket"), ("res_id", "=", self.bob_ticket.id)], ["datas"]
            )
        with self.assertRaises(AccessError):
            self.bob_ticket.with_user(self.alice).message_ids.read(["body"])

    def test_web_content_refuses_other_requesters_attachment(self):
        # control: the URL serves the file to a desk manager
        new_test_user(self.env, login="content_dm", groups="it_service_desk.group_it_manager")
        self.authenticate("content_dm", "content_dm")
        served = self.url_open(f"/web/content/{self.bob_file.id}")
        self.assertEqual(served.status_code, 200)
        self.assertEqual(served.content, b"BOB-CONFIDENTIAL-PAYSLIP")
        self.authenticate("portal_alice", "portal_alice")
        other = self.url_open(f"/web/content/{self.bob_file.id}")
        self.assertIn(other.status_code, (403, 404))
        self.assertNotIn(b"BOB-CONFIDENTIAL", other.content)
        other = self.url_open(f"/web/content/{self.bob_file.id}?download=true")
        self.assertNotIn(b"BOB-CONFIDENTIAL", other.content)

    def test_portal_pages_show_own_tickets_only(self):
        self.authenticate("portal_alice", "portal_alice")
        own = self.url_open(f"/my/it-tickets/{self.alice_ticket.id}")
        self.assertEqual(own.status_code, 200)
        self.assertIn("Alice printer jammed", own.text)
        other = self.url_open(f"/my/it-tickets/{self.bob_ticket.id}")
        self.assertTrue(
            other.status_code in (403, 404) or not other.url.endswith(f"/{self.bob_ticket.id}"),
            f"{other.status_code} {other.url}",
        )
        self.assertNotIn("Bob secret salary system", other.text)
        forged = self.url_open(f"/my/it-tickets/{self.bob_ticket.id}?access_token=forged")
        self.assertNotIn("Bob secret salary system", forged.text)
        listing = self.url_open("/my/it-tickets?filterby=all")
        self.assertEqual(listing.status_code, 200)
        self.assertIn("Alice printer jammed", listing.text)
        self.assertNotIn("Bob secret salary system", listing.text)

    def test_anonymous_visitors_are_sent_to_login(self):
        response = self.url_open(f"/my/it-tickets/{self.alice_ticket.id}")
        self.assertIn("/web/login", response.url)
        self.assertNotIn("Alice printer jammed", response.text)
        response = self.url_open(f"/web/content/{self.alice_file.id}")
        self.assertNotIn(b"alice's own screenshot", response.content)

    def test_portal_filing_needs_the_csrf_token(self):
        self.authenticate("portal_alice", "portal_alice")
        Ticket = self.env["it.ticket"]
        count = Ticket.search_count([])
        forged = self.url_open(
            "/my/it-tickets/new", data={"name": "Forged from another site"}, allow_redirects=False
        )
        self.assertEqual(forged.status_code, 400)
        self.assertEqual(Ticket.search_count([]), count)
        form = self.url_open("/my/it-tickets/new")
        token = re.search(r'name="csrf_token"\s+value="([^"]+)"', form.text)
        self.assertTrue(token, "the filing form carries a CSRF token")
        filed = self.url_open(
            "/my/it-tickets/new",
            data={"name": "Filed from the portal", "csrf_token": token.group(1)},
            allow_redirects=False,
        )
        self.assertIn(filed.status_code, (302, 303))
        ticket = Ticket.search([("name", "=", "Filed from the portal")])
        self.assertEqual(ticket.partner_id, self.alice.partner_id)

    def test_counter_staff_cannot_export_finance_records(self):
        new_test_user(self.env, login="xlsx_clerk", groups="retail_counter.group_counter_staff")
        self.authenticate("xlsx_clerk", "xlsx_clerk")
        response = self.url_open("/retail_counter/invoices.xlsx")
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("spreadsheetml", response.headers.get("Content-Type", ""))
