from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import DeskCase


@tagged("post_install", "-at_install")
class TestCallback(DeskCase):
    def test_callback_done_records_rating_and_closes(self):
        ticket = self._resolved()
        callback = ticket.callback_ids
        self.assertEqual(callback.state, "pending")
        with self.assertRaises(UserError):
            callback.with_user(self.callback_agent).action_done(7)
        self.assertEqual(callback.state, "pending")
        callback.with_user(self.callback_agent).action_done(5, "Quick and friendly")
        self.assertEqual(callback.state, "done")
        self.assertEqual(callback.rating, 5)
        self.assertEqual(callback.user_id, self.callback_agent)
        self.assertEqual(ticket.state, "closed")
        self.assertEqual(ticket.callback_state, "done")
        self.assertEqual(ticket.rating_last_value, 5)
        rating = self.env["rating.rating"].search(
            [("res_model", "=", "it.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual((rating.rating, rating.feedback), (5, "Quick and friendly"))
        with self.assertRaises(UserError):
            callback.with_user(self.callback_agent).action_done(4)

    def test_agent_cannot_record_callback(self):
        ticket = self._resolved()
        with self.assertRaises(AccessError):
            ticket.callback_ids.with_user(self.agent).action_done(5)
        with self.assertRaises(AccessError):
            ticket.callback_ids.with_user(self.agent).write({"state": "done"})
        self.assertEqual(ticket.callback_ids.state, "pending")

    def test_low_score_opens_quality_review(self):
        ticket = self._resolved()
        self.env["ir.config_parameter"].sudo().set_param(
            "it_service_desk.low_rating_threshold", "2"
        )
        ticket.callback_ids.with_user(self.callback_agent).action_done(2, "Took three days")
        review = ticket.activity_ids.filtered(lambda a: "Quality review" in (a.summary or ""))
        self.assertEqual(len(review), 1)
        self.assertTrue(review.user_id.has_group("it_service_desk.group_it_quality_analyst"))

    def test_good_score_no_review(self):
        ticket = self._resolved()
        ticket.callback_ids.with_user(self.callback_agent).action_done(4)
        self.assertFalse(
            ticket.activity_ids.filtered(lambda a: "Quality review" in (a.summary or ""))
        )

    def test_waive_needs_reason(self):
        ticket = self._resolved()
        with self.assertRaises(UserError):
            ticket.callback_ids.with_user(self.callback_agent).action_waive("  ")
        self.assertEqual(ticket.state, "resolved")
        wizard = (
            self.env["it.callback.wizard"]
            .with_user(self.callback_agent)
            .create(
                {
                    "callback_id": ticket.callback_ids.id,
                    "mode": "waive",
                    "reason": "Requester on leave",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(ticket.callback_ids.state, "waived")
        self.assertEqual(ticket.state, "closed")

    def test_unreachable_retried_then_closed(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "it_service_desk.callback_max_attempts", "3"
        )
        self.env["ir.config_parameter"].sudo().set_param(
            "it_service_desk.callback_retry_hours", "2"
        )
        ticket = self._resolved()
        callback = ticket.callback_ids.with_user(self.callback_agent)
        with freeze_time("2026-03-02 09:00:00"):
            callback.action_log_attempt("no_answer", "voicemail")
        self.assertEqual(callback.attempt_count, 1)
        self.assertEqual(callback.date_next_attempt, datetime(2026, 3, 2, 11, 0))
        self.assertEqual(ticket.state, "callback", "the callback is under way")
        with self.assertRaises(UserError):
            callback.action_log_attempt("reached")
        callback.action_log_attempt("busy")
        self.assertEqual(callback.state, "pending")
        callback.action_log_attempt("no_answer")
        self.assertEqual(callback.state, "unreachable")
        self.assertEqual(len(callback.attempt_ids), 3)
        self.assertEqual(ticket.state, "closed")
        self.assertEqual(ticket.callback_state, "unreachable")

    def test_rating_by_email_link(self):
        ticket = self._resolved()
        token = ticket._rating_get_access_token()
        ticket.rating_apply(1, token=token, feedback="Bad")
        self.assertEqual(ticket.rating_last_value, 1)
        self.assertTrue(
            ticket.activity_ids.filtered(lambda a: "Quality review" in (a.summary or ""))
        )

    def test_rating_request_email(self):
        fresh = self._ticket()
        with self.assertRaises(UserError):
            fresh.action_send_rating_request()
        ticket = self._resolved()
        ticket.with_user(self.callback_agent).action_send_rating_request()
        message = ticket.message_ids[0]
        self.assertIn("/rate/", message.body)
        self.assertIn(self.requester, message.notification_ids.res_partner_id | message.partner_ids)
        ticket.partner_id.email = False
        with self.assertRaises(UserError):
            ticket.action_send_rating_request()
