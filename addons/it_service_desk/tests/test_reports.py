from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import DeskCase


@tagged("post_install", "-at_install")
class TestReports(DeskCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Desk Report Co"})
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.company.id]))
        cls.env.user.company_ids |= cls.company
        (cls.analyst | cls.agent).company_ids |= cls.company
        team = cls.env["it.team"].create(
            {"name": "Co Front", "tier": "1", "company_id": cls.company.id}
        )
        cls.system_r = cls.env["it.business.system"].create({"name": "Co CRM", "code": "COCRM"})
        Ticket = cls.env["it.ticket"].with_company(cls.company)
        base = {
            "team_id": team.id,
            "company_id": cls.company.id,
            "system_id": cls.system_r.id,
            "partner_id": cls.requester.id,
        }
        cls.fcr = Ticket.create(dict(base, name="fcr"))
        cls.fcr.action_start()
        cls.fcr.action_resolve("<p>x</p>")
        cls.fcr.callback_ids.action_done(4)
        cls.slow = Ticket.create(dict(base, name="slow"))
        cls.slow.action_start()
        cls.slow.user_id = cls.agent2
        cls.slow.action_resolve("<p>y</p>")
        cls.slow.callback_ids.action_done(2)
        cls.redirected = Ticket.create(dict(base, name="canteen"))
        cls.redirected.action_redirect("not IT", "Facilities")
        cls.open = Ticket.create(dict(base, name="open one"))
        cls.dup = Ticket.create(dict(base, name="open one again"))
        cls.dup.action_merge_into(cls.open)

    def test_analysis_view(self):
        Report = self.env["it.ticket.report"]
        domain = [("company_id", "=", self.company.id)]
        [[count, fcr, redirected, dups, backlog, sat]] = Report._read_group(
            domain,
            [],
            [
                "nbr:sum",
                "fcr_rate:avg",
                "redirected_rate:avg",
                "duplicate_count:sum",
                "backlog_count:sum",
                "satisfaction:avg",
            ],
        )
        self.assertEqual(count, 5, "archived duplicates are counted too")
        self.assertAlmostEqual(fcr, 50.0, msg="1 of 2 resolved tickets at first contact")
        self.assertAlmostEqual(redirected, 20.0)
        self.assertEqual(dups, 1)
        self.assertEqual(backlog, 1)
        self.assertAlmostEqual(sat, 3.0)
        per_agent = dict(
            Report._read_group(
                domain + [("close_reason", "=", "resolved")], ["user_id"], ["nbr:sum"]
            )
        )
        self.assertEqual(sum(per_agent.values()), 2)

    def test_analysis_access(self):
        with self.assertRaises(AccessError):
            self.env["it.ticket.report"].with_user(self.agent).search([])
        self.env["it.ticket.report"].with_user(self.analyst).search([], limit=1)

    def test_monthly_report_compute_publish(self):
        month = fields.Date.context_today(self.env.user).replace(day=1)
        with self.assertRaises(ValidationError):
            self.env["it.service.report"].create(
                {"date_from": month.replace(day=2), "company_id": self.company.id}
            )
        report = (
            self.env["it.service.report"]
            .with_user(self.analyst)
            .with_company(self.company)
            .create({"date_from": month, "company_id": self.company.id})
        )
        report.action_compute()
        self.assertEqual(report.ticket_count, 5)
        self.assertEqual(report.resolved_count, 2)
        self.assertAlmostEqual(report.fcr_rate, 50.0)
        self.assertAlmostEqual(report.satisfaction, 3.0)
        self.assertEqual(report.redirected_count, 1)
        self.assertAlmostEqual(report.redirected_share, 20.0)
        self.assertEqual(report.duplicate_count, 1)
        self.assertEqual(report.backlog_count, 1)
        self.assertIn("Co CRM", report.breakdown_html)
        report.action_publish()
        self.assertEqual(report.state, "published")
        attachment = report.message_ids[0].attachment_ids
        self.assertEqual(attachment.mimetype, "application/pdf")
        with self.assertRaises(UserError):
            report.action_compute()
        with self.assertRaises(UserError):
            report.unlink()
        with self.assertRaises(UserError):
            report.with_user(self.analyst).action_reset()
        # published reports are readable by desk staff; drafts are not
        self.assertTrue(report.with_user(self.agent).read(["fcr_rate"]))
        draft = self.env["it.service.report"].create(
            {"date_from": month.replace(year=month.year - 1), "company_id": self.company.id}
        )
        with self.assertRaises(AccessError):
            draft.with_user(self.agent).with_company(self.company).read(["fcr_rate"])
