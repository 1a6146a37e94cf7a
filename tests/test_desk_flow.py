"""End-to-end flow of the IT service desk with every module of the suite installed.

A caller phones in, the agent finds the requester by phone, the ticket is dispatched to
the back office and comes back, is resolved, the callback agent records the satisfaction
and the ticket closes; it_sla and it_cmdb (when installed) must not get in the way, and
the care scripts shipped by customer_care_scripts are shown at each step.
"""

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import SuiteTransactionCase


class TestDeskFlow(SuiteTransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if "it.ticket" not in cls.env:
            cls.skipTest(cls, "it_service_desk is not installed")
        grp = "it_service_desk.group_it_"
        cls.agent = new_test_user(
            cls.env, login="flow_agent", groups=grp + "agent", name="Flow Agent"
        )
        cls.engineer = new_test_user(
            cls.env, login="flow_eng", groups=grp + "backoffice", name="Flow Eng"
        )
        cls.callback = new_test_user(
            cls.env, login="flow_cb", groups=grp + "callback_agent", name="Flow Callback"
        )
        cls.front = cls.env["it.team"].create({"name": "Flow front", "tier": "1"})
        cls.front.member_ids = cls.agent
        cls.back = cls.env["it.team"].create({"name": "Flow back", "tier": "2"})
        cls.back.member_ids = cls.engineer
        cls.requester = cls.env["res.partner"].create(
            {"name": "Flow Caller", "phone": "+86 20 3333 7777", "email": "flow@example.com"}
        )

    def test_phone_to_closure(self):
        Ticket = self.env["it.ticket"].with_user(self.agent)
        caller = Ticket.action_lookup_requester("3333-7777")
        self.assertEqual(caller, self.requester)
        ticket = Ticket.create(
            {"name": "Billing client crashes", "partner_id": caller.id, "team_id": self.front.id}
        )
        self.assertEqual(ticket._care_script_code(), "desk_intake")
        if self.env["care.script"].search_count([("code", "=", "desk_intake")]):
            self.assertIn(ticket.ref, ticket.care_script_html or "")
        ticket.action_start()
        ticket.action_dispatch(team=self.back, user=self.engineer)
        self.assertEqual(ticket.state, "dispatched")
        work_order = ticket.with_user(self.engineer)
        self.assertTrue(work_order.read(["name"]))
        work_order.action_return()
        ticket.action_resolve("<p>Patched the client</p>")
        with self.assertRaises(UserError):
            ticket.action_close()
        callback = ticket.callback_ids.with_user(self.callback)
        with self.assertRaises(AccessError):
            ticket.callback_ids.with_user(self.agent).action_done(5)
        callback.action_done(5, "Good")
        self.assertEqual(ticket.state, "closed")
        self.assertFalse(ticket.is_first_contact_resolution, "dispatched: not first contact")
        self.assertEqual(
            ticket.assignment_ids.mapped("event"),
            ["create", "assign", "dispatch", "return", "resolve"],
        )
        self.assertEqual(ticket.rating_last_value, 5)
        with self.assertRaises(UserError):
            ticket.with_user(self.env.ref("base.user_admin")).unlink()
