from odoo import http
from odoo.tests import HttpCase, tagged

from .common import DeskCase


@tagged("post_install", "-at_install")
class TestPortal(HttpCase, DeskCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user.password = "portal-pass-1"
        cls.own = cls._ticket(
            name="My laptop will not boot", partner_id=cls.portal_user.partner_id.id
        )
        cls.foreign = cls._ticket(
            name="Someone else's secret", partner_id=cls.portal_other.partner_id.id
        )
        cls.notice = cls.env["it.downtime.notice"].create(
            {
                "name": "Billing upgrade tonight",
                "date_start": "2020-01-01 00:00:00",
                "date_end": "2099-01-01 00:00:00",
            }
        )
        cls.notice.action_publish()
        cls.article = cls.env["it.knowledge.article"].create(
            {
                "name": "Reset your CRM password",
                "state": "published",
                "portal_published": True,
                "solution": "<p>Use the self-service page</p>",
            }
        )
        cls.internal_article = cls.env["it.knowledge.article"].create(
            {"name": "Internal DB failover runbook", "state": "published"}
        )

    def setUp(self):
        super().setUp()
        self.authenticate("desk_portal", "portal-pass-1")

    def test_list_shows_own_tickets_only(self):
        html = self.url_open("/my/it-tickets?filterby=all").text
        self.assertIn(self.own.ref, html)
        self.assertNotIn(self.foreign.ref, html)

    def test_foreign_ticket_redirects(self):
        response = self.url_open(f"/my/it-tickets/{self.foreign.id}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertNotIn("secret", response.text)
        own = self.url_open(f"/my/it-tickets/{self.own.id}")
        self.assertEqual(own.status_code, 200)
        self.assertIn("My laptop will not boot", own.text)

    def test_file_a_ticket(self):
        response = self.url_open(
            "/my/it-tickets/new",
            data={
                "name": "Printer offline",
                "description": "Floor 2",
                "system_id": str(self.system.id),
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        ticket = self.env["it.ticket"].search([("name", "=", "Printer offline")])
        self.assertEqual(ticket.partner_id, self.portal_user.partner_id)
        self.assertEqual(ticket.channel, "portal")
        self.assertEqual(ticket.system_id, self.system)
        empty = self.url_open(
            "/my/it-tickets/new", data={"name": " ", "csrf_token": http.Request.csrf_token(self)}
        )
        self.assertIn("error=subject", empty.url)

    def test_reply_and_rate(self):
        self.own.action_start()
        self.own.action_resolve("<p>Replaced the disk</p>")
        page = self.url_open(f"/my/it-tickets/{self.own.id}").text
        self.assertIn("/rate/", page)
        self.assertIn("Replaced the disk", page)
        # the requester replies through the portal chatter: the ticket reopens
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "it.ticket",
                "thread_id": self.own.id,
                "post_data": {
                    "body": "Not fixed",
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_comment",
                },
            },
        )
        self.assertEqual(self.own.state, "in_progress")

    def test_notices_and_articles(self):
        self.assertIn("Billing upgrade tonight", self.url_open("/my/it-notices").text)
        html = self.url_open("/my/it-articles").text
        self.assertIn("Reset your CRM password", html)
        self.assertNotIn("failover runbook", html)
        found = self.url_open("/my/it-articles?search=crm password").text
        self.assertIn("Reset your CRM password", found)
        denied = self.url_open(f"/my/it-articles/{self.internal_article.id}", allow_redirects=False)
        self.assertIn(denied.status_code, (302, 303))
