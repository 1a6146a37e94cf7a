from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DeskCase


@tagged("post_install", "-at_install")
class TestLifecycle(DeskCase):
    def test_first_contact_resolution(self):
        ticket = self._resolved()
        self.assertEqual(ticket.state, "resolved")
        self.assertEqual(ticket.user_id, self.agent)
        self.assertTrue(ticket.date_first_response)
        self.assertTrue(ticket.date_resolved)
        self.assertTrue(ticket.is_first_contact_resolution)
        self.assertEqual(ticket.fcr_rate, 100.0)
        self.assertEqual(ticket.assignment_ids.mapped("event"), ["create", "assign", "resolve"])
        self.assertEqual(ticket.callback_state, "pending", "resolution queues a callback")

    def test_dispatch_and_return_breaks_fcr(self):
        ticket = self._ticket()
        ticket.with_user(self.agent).action_start()
        action = ticket.with_user(self.agent).action_dispatch()
        self.assertEqual(action["res_model"], "it.ticket.dispatch.wizard")
        wizard = (
            self.env["it.ticket.dispatch.wizard"]
            .with_user(self.agent)
            .create(
                {
                    "ticket_ids": [(6, 0, ticket.ids)],
                    "team_id": self.back.id,
                    "user_id": self.engineer.id,
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(ticket.state, "dispatched")
        self.assertEqual(
            (ticket.team_id, ticket.tier, ticket.user_id), (self.back, "2", self.engineer)
        )
        self.assertEqual(ticket.front_team_id, self.front)
        ticket.with_user(self.engineer).action_return()
        self.assertEqual(ticket.state, "in_progress")
        self.assertEqual(
            (ticket.team_id, ticket.tier, ticket.user_id), (self.front, "1", self.agent)
        )
        ticket.with_user(self.agent).action_resolve("<p>fixed by BO</p>")
        self.assertFalse(ticket.is_first_contact_resolution)
        self.assertEqual(
            ticket.assignment_ids.mapped("event"),
            ["create", "assign", "dispatch", "return", "resolve"],
        )

    def test_dispatch_to_front_line_refused(self):
        ticket = self._ticket()
        with self.assertRaises(UserError):
            ticket.action_dispatch(team=self.front_other)
        self.assertEqual(ticket.state, "new")

    def test_reassignment_breaks_fcr(self):
        ticket = self._ticket()
        ticket.with_user(self.agent).action_start()
        ticket.user_id = self.agent2
        ticket.with_user(self.agent2).action_resolve("<p>done</p>")
        self.assertFalse(ticket.is_first_contact_resolution)

    def test_resolution_text_required(self):
        ticket = self._ticket()
        ticket.action_start()
        with self.assertRaises(UserError):
            ticket.action_resolve()
        self.assertEqual(ticket.state, "in_progress")
        self.assertFalse(ticket.callback_ids)
        # dragging the card to the resolved stage is refused the same way
        with self.assertRaises(ValidationError), self.cr.savepoint():
            ticket.stage_id = self.env.ref("it_service_desk.stage_resolved")
        ticket.invalidate_recordset()
        self.assertEqual(ticket.state, "in_progress")

    def test_no_close_without_resolution_and_callback(self):
        ticket = self._ticket()
        with self.assertRaises(UserError):
            ticket.action_close()
        ticket.action_start()
        ticket.action_resolve("<p>ok</p>")
        with self.assertRaises(UserError):
            ticket.action_close()
        self.assertEqual(ticket.state, "resolved")
        with self.assertRaises(ValidationError), self.cr.savepoint():
            ticket.stage_id = self.env.ref("it_service_desk.stage_closed")
        ticket.invalidate_recordset()
        self.assertEqual(ticket.state, "resolved")

    def test_wait_cancel_reopen_and_state_errors(self):
        ticket = self._ticket()
        ticket.action_wait()
        self.assertEqual(ticket.state, "waiting")
        with self.assertRaises(UserError):
            ticket.action_wait()
        with self.assertRaises(UserError):
            ticket.action_return()
        ticket.action_start()
        ticket.action_cancel("requester withdrew")
        self.assertEqual((ticket.state, ticket.close_reason), ("cancelled", "cancelled"))
        with self.assertRaises(UserError):
            ticket.action_resolve("<p>x</p>")
        ticket.action_reopen()
        self.assertEqual(ticket.state, "in_progress")
        self.assertEqual(ticket.reopen_count, 1)
        ticket.action_resolve("<p>x</p>")
        self.assertFalse(ticket.is_first_contact_resolution, "a reopened ticket is not FCR")

    def test_reopen_withdraws_pending_callback(self):
        ticket = self._resolved()
        ticket.action_reopen()
        self.assertEqual(ticket.callback_ids.state, "waived")
        ticket.action_resolve()
        self.assertEqual(len(ticket.callback_ids), 2)
        self.assertEqual(ticket.callback_state, "pending")

    def test_redirect_outside_it(self):
        ticket = self._ticket(name="Question about my canteen card")
        with self.assertRaises(UserError):
            ticket.with_user(self.agent).action_redirect("", "Facilities")
        self.assertEqual(ticket.state, "new")
        action = ticket.with_user(self.agent).action_redirect()
        self.assertEqual(action["res_model"], "it.ticket.redirect.wizard")
        wizard = (
            self.env["it.ticket.redirect.wizard"]
            .with_user(self.agent)
            .create(
                {
                    "ticket_ids": [(6, 0, ticket.ids)],
                    "reason": "Not an IT system",
                    "destination": "Facilities desk",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(ticket.state, "closed")
        self.assertEqual(ticket.close_reason, "redirected")
        self.assertTrue(ticket.is_redirected)
        self.assertEqual(ticket.redirect_destination, "Facilities desk")
        self.assertFalse(ticket.is_first_contact_resolution, "redirections are counted apart")
        self.assertFalse(ticket.callback_ids, "no callback for a redirection")
        self.assertEqual(
            self.env["it.ticket"].search_count(
                [("is_redirected", "=", True), ("id", "=", ticket.id)]
            ),
            1,
        )

    def test_archive_not_delete(self):
        ticket = self._resolved()
        with self.assertRaises(UserError):
            ticket.unlink()
        ticket.callback_ids.action_waive("VIP asked not to be called")
        self.assertEqual(ticket.state, "closed")
        ticket.date_closed = "2020-01-01 00:00:00"
        self.env["it.ticket"]._cron_archive_closed()
        self.assertFalse(ticket.active)
        self.assertTrue(ticket.exists())
        fresh = self._ticket()
        fresh.unlink()  # a fresh ticket typed by mistake may go
        self.assertFalse(fresh.exists())

    def test_care_script_on_form(self):
        script = self.env["care.script"].search([("code", "=", "desk_intake")], limit=1)
        if not script:
            script = self.env["care.script"].create(
                {
                    "name": "Intake T",
                    "code": "desk_intake",
                    "step_ids": [(0, 0, {"text": "Hello {customer_name}, ticket {ticket_ref}"})],
                }
            )
        ticket = self._ticket()
        self.assertEqual(ticket._care_script_code(), "desk_intake")
        self.assertEqual(ticket.care_script_id, script)
        self.assertIn(self.requester.name, ticket.care_script_html)
        self.assertIn(ticket.ref, ticket.care_script_html)
        ticket.action_start()
        ticket.action_resolve("<p>ok</p>")
        self.assertEqual(ticket._care_script_code(), "desk_callback")
