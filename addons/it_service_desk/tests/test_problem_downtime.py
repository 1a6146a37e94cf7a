from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import DeskCase


@tagged("post_install", "-at_install")
class TestProblemDowntime(DeskCase):
    def test_problem_flow_and_article(self):
        problem = (
            self.env["it.problem"]
            .with_user(self.agent)
            .create({"name": "Invoices fail nightly", "system_id": self.system.id})
        )
        self.assertTrue(problem.ref.startswith("PRB"))
        with self.assertRaises(UserError):
            problem.action_known_error()
        problem.root_cause = "<p>Batch job overlaps backup</p>"
        problem.workaround = "<p>Rerun the batch at 6</p>"
        problem.action_known_error()
        self.assertTrue(problem.known_error)
        action = problem.action_create_article()
        article = self.env["it.knowledge.article"].browse(action["res_id"])
        self.assertEqual(problem.article_id, article)
        self.assertIn("Batch job", article.cause)
        with self.assertRaises(UserError):
            problem.action_create_article()
        with self.assertRaises(UserError):
            problem.action_close()
        problem.action_resolve()
        problem.action_close()
        self.assertEqual(problem.state, "closed")

    def test_recurring_hint_and_problem_from_ticket(self):
        self.env["ir.config_parameter"].sudo().set_param("it_service_desk.recurring_threshold", "3")
        t1 = self._ticket()
        self.assertFalse(t1.recurring_hint)
        self._ticket()
        t3 = self._ticket()
        t3.invalidate_recordset(["recurring_hint"])
        self.assertIn("3 tickets", t3.recurring_hint)
        other = self._ticket(system_id=self.system_crm.id)
        self.assertFalse(other.recurring_hint)
        action = t3.action_create_problem()
        problem = self.env["it.problem"].browse(action["res_id"])
        self.assertEqual(problem.ticket_count, 3)
        self.assertNotIn(other, problem.ticket_ids)
        with self.assertRaises(UserError):
            t1.problem_id.unlink()

    def test_article_from_resolved_ticket(self):
        ticket = self._ticket()
        with self.assertRaises(UserError):
            ticket.action_create_article()
        ticket.action_start()
        ticket.action_resolve("<p>Restart spooler</p>")
        action = ticket.with_user(self.agent).action_create_article()
        article = self.env["it.knowledge.article"].browse(action["res_id"])
        self.assertEqual(article.ticket_id, ticket)
        self.assertIn("spooler", article.solution)
        self.assertEqual(article.state, "draft")

    def test_downtime_publish_and_email(self):
        notice = (
            self.env["it.downtime.notice"]
            .with_user(self.mim)
            .create(
                {
                    "name": "Billing upgrade",
                    "date_start": "2030-01-01 20:00:00",
                    "date_end": "2030-01-01 23:00:00",
                    "system_ids": [(6, 0, self.system.ids)],
                    "partner_ids": [(6, 0, (self.requester | self.portal_user.partner_id).ids)],
                }
            )
        )
        notice.action_publish()
        self.assertEqual(notice.state, "published")
        mails = self.env["mail.mail"].search(
            [("model", "=", "it.downtime.notice"), ("res_id", "=", notice.id)]
        )
        self.assertTrue(mails, "the notice is emailed")
        self.assertEqual(
            set(mails.recipient_ids.ids), {self.requester.id, self.portal_user.partner_id.id}
        )
        self.assertIn("Billing upgrade", mails[0].subject)
        with self.assertRaises(UserError):
            notice.action_publish()
        self.assertTrue(notice.is_current)
        # portal: the recipient sees it, another portal user does not
        Notice = self.env["it.downtime.notice"]
        self.assertIn(notice, Notice.with_user(self.portal_user).search([]))
        self.assertNotIn(notice, Notice.with_user(self.portal_other).search([]))
        with self.assertRaises(AccessError):
            notice.with_user(self.agent).write({"name": "changed"})

    def test_downtime_bad_dates_and_cron(self):
        with self.assertRaises(ValidationError):
            self.env["it.downtime.notice"].create(
                {
                    "name": "x",
                    "date_start": "2030-01-02 00:00:00",
                    "date_end": "2030-01-01 00:00:00",
                }
            )
        notice = self.env["it.downtime.notice"].create(
            {"name": "old", "date_start": "2020-01-01 00:00:00", "date_end": "2020-01-01 02:00:00"}
        )
        notice.action_publish()
        self.env["it.downtime.notice"]._cron_finish_notices()
        self.assertEqual(notice.state, "done")
