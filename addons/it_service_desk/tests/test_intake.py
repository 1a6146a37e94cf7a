from psycopg2 import IntegrityError

from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import DeskCase

MAIL = """Return-Path: <{email}>
From: {name} <{email}>
To: {to}
Subject: {subject}
Message-ID: {msgid}
{extra}Content-Type: text/plain; charset="utf-8"

{body}
"""


@tagged("post_install", "-at_install")
class TestIntake(DeskCase):
    def test_reference_unique_and_vip_from_requester(self):
        t1 = self._ticket()
        t2 = self._ticket(partner_id=self.vip.id)
        self.assertTrue(t1.ref.startswith("IT"))
        self.assertNotEqual(t1.ref, t2.ref)
        self.assertFalse(t1.is_vip)
        self.assertTrue(t2.is_vip, "VIP comes from the requester")
        self.assertEqual(t1.display_name, f"{t1.ref} {t1.name}")
        # VIP follows the requester when it changes
        t1.partner_id = self.vip
        self.assertTrue(t1.is_vip)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            t2.write({"ref": t1.ref})
            t2.flush_recordset()

    def test_priority_matrix(self):
        cases = {
            ("1", "1"): "1",
            ("1", "3"): "3",
            ("2", "2"): "3",
            ("3", "3"): "4",
            ("2", "1"): "2",
        }
        for (impact, urgency), expected in cases.items():
            ticket = self._ticket(impact=impact, urgency=urgency)
            self.assertEqual(ticket.priority, expected, f"{impact}x{urgency}")
        ticket = self._ticket(impact="3", urgency="3")
        ticket.impact = "1"
        ticket.urgency = "1"
        self.assertEqual(ticket.priority, "1", "priority recomputed on change")

    def test_quick_create_requester_lookup_by_phone_and_name(self):
        Ticket = self.env["it.ticket"].with_user(self.agent)
        self.assertEqual(Ticket.action_lookup_requester("6666 1234"), self.requester)
        self.assertEqual(Ticket.action_lookup_requester("66661234"), self.requester)
        self.assertIn(self.vip, Ticket.action_lookup_requester("Chen VIP"))
        self.assertFalse(Ticket.action_lookup_requester("x"))
        form = Form(Ticket, view="it_service_desk.it_ticket_view_form_quick_create")
        form.partner_phone = "0755-6666-1234"
        self.assertEqual(
            form.partner_id, self.requester, "phone typed on the call finds the requester"
        )
        form.name = "Cannot log in to CRM"
        ticket = form.save()
        self.assertEqual(ticket.partner_id, self.requester)
        self.assertEqual(ticket.channel, "phone")
        self.assertEqual(ticket.state, "new")
        self.assertEqual(ticket.assignment_ids.event, "create")

    def test_category_team_and_region_from_requester(self):
        self.requester.it_region_id = self.region
        ticket = self.env["it.ticket"].create(
            {"name": "x crash", "partner_id": self.requester.id, "category_id": self.category.id}
        )
        self.assertEqual(ticket.team_id, self.front)
        self.assertEqual(ticket.front_team_id, self.front)
        self.assertEqual(ticket.tier, "1")
        self.assertEqual(ticket.region_id, self.region)

    def _alias_team(self):
        self.front.alias_name = "desk-test"
        return f"desk-test@{self.front.alias_domain_id.name or 'example.com'}"

    @mute_logger("odoo.addons.mail.models.mail_thread")
    def test_email_gateway_creates_and_threads(self):
        to = self._alias_team()
        if not self.front.alias_domain_id:
            self.env["mail.alias.domain"].create({"name": "example.com"})
            self.front.invalidate_recordset()
            self.front._alias_get_creation_values()
            to = self._alias_team()
        raw = MAIL.format(
            email="lina@example.com",
            name="Li Na",
            to=to,
            subject="Billing down in Shenzhen",
            msgid="<msg-1@example.com>",
            extra="",
            body="The billing screen shows error 500.",
        )
        ticket_id = self.env["mail.thread"].message_process(False, raw)
        ticket = self.env["it.ticket"].browse(ticket_id)
        self.assertEqual(ticket._name, "it.ticket")
        self.assertEqual(ticket.name, "Billing down in Shenzhen")
        self.assertEqual(ticket.team_id, self.front)
        self.assertEqual(ticket.channel, "email")
        self.assertEqual(ticket.partner_id, self.requester, "author recognised by email")
        self.assertIn("error 500", ticket.description)
        # resolve, then the requester replies: the reply threads in and reopens the ticket
        ticket.with_user(self.agent).action_start()
        ticket.with_user(self.agent).action_resolve("<p>restarted</p>")
        reply = MAIL.format(
            email="lina@example.com",
            name="Li Na",
            to=to,
            subject="Re: Billing down",
            msgid="<msg-2@example.com>",
            extra="In-Reply-To: <msg-1@example.com>\n",
            body="Still broken!",
        )
        same_id = self.env["mail.thread"].message_process(False, reply)
        self.assertEqual(same_id, ticket.id)
        self.assertEqual(ticket.state, "in_progress", "requester reply reopens")
        self.assertEqual(ticket.reopen_count, 1)
        self.assertIn("Still broken", ticket.message_ids[0].body)

    def test_message_new_api_and_reply_resumes_waiting(self):
        ticket = self.env["it.ticket"].message_new(
            {
                "subject": "Printer jam",
                "body": "<p>jam</p>",
                "author_id": self.requester.id,
                "email_from": "lina@example.com",
            },
            {"team_id": self.front.id},
        )
        self.assertEqual(
            (ticket.name, ticket.channel, ticket.partner_id),
            ("Printer jam", "email", self.requester),
        )
        ticket.action_wait()
        self.assertEqual(ticket.state, "waiting")
        # an internal note by an agent does not resume
        ticket.with_user(self.agent).message_post(body="note", subtype_xmlid="mail.mt_note")
        self.assertEqual(ticket.state, "waiting")
        ticket.message_post(
            body="here is the info",
            author_id=self.requester.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertEqual(ticket.state, "in_progress", "requester answer resumes the ticket")


@tagged("post_install", "-at_install")
class TestBatchCreation(DeskCase):
    def test_batch_takes_consecutive_references_and_defaults_once(self):
        sequence = self.env.ref("it_service_desk.seq_it_ticket")
        before = sequence.number_next_actual
        Ticket = self.env["it.ticket"]

        def create(count):
            self.env.flush_all()
            queries = self.cr.sql_log_count
            tickets = Ticket.create(
                [{"name": f"Batch {i}", "team_id": self.front.id} for i in range(count)]
            )
            self.env.flush_all()
            return tickets, self.cr.sql_log_count - queries

        create(2)  # caches warmed
        _few, few_statements = create(3)
        tickets, statements = create(30)
        # the references in one statement, the defaults (the "new" stage) looked up once
        self.assertEqual(statements, few_statements, "statements do not grow with the batch")
        numbers = [int(ref.rsplit("-", 1)[1]) for ref in tickets.mapped("ref")]
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 30)))
        self.assertGreaterEqual(numbers[0], before)
        self.assertEqual(len(set(tickets.mapped("ref"))), 30)
        new = self.env["it.stage"].search([("state", "=", "new")], limit=1)
        self.assertEqual(tickets.stage_id, new)
        self.assertEqual(set(tickets.mapped("channel")), {"phone"})
        self.assertEqual(tickets.company_id, self.env.company)
        # a given value still wins over the batch's defaults, per record
        mixed = Ticket.create(
            [
                {"name": "By mail", "channel": "email"},
                {"name": "By phone"},
                {"name": "Given ref", "ref": "EXT-1"},
            ]
        )
        self.assertEqual(mixed.mapped("channel"), ["email", "phone", "phone"])
        self.assertEqual(mixed[2].ref, "EXT-1")
        # a default from the context (a kanban column's quick create) applies to the batch
        waiting = self.env["it.stage"].search([("state", "=", "waiting")], limit=1)
        column = Ticket.with_context(default_stage_id=waiting.id).create(
            [{"name": "Column 1"}, {"name": "Column 2"}]
        )
        self.assertEqual(column.stage_id, waiting)

    def test_gap_free_sequence_still_numbers_each_ticket(self):
        sequence = self.env.ref("it_service_desk.seq_it_ticket")
        # Odoo keeps the stored counter when the implementation changes: continue from the
        # PostgreSQL sequence's next number
        sequence.write({"implementation": "no_gap", "number_next": sequence.number_next_actual})
        tickets = self.env["it.ticket"].create([{"name": "Gapless 1"}, {"name": "Gapless 2"}])
        first, second = (int(ref.rsplit("-", 1)[1]) for ref in tickets.mapped("ref"))
        self.assertEqual(second, first + 1)

    def test_batch_defaults_do_not_leak_between_calls(self):
        Ticket = self.env["it.ticket"]
        by_mail = Ticket.with_context(default_channel="email").create(
            [{"name": "Mail A"}, {"name": "Mail B"}]
        )
        by_phone = Ticket.create([{"name": "Call C"}])
        self.assertEqual(by_mail.mapped("channel"), ["email", "email"])
        self.assertEqual(by_phone.channel, "phone")
        self.assertFalse(self.env.cr.cache.get("it_batch_defaults.it.ticket"), "memo released")
