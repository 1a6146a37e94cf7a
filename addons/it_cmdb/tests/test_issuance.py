from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common import CmdbCase


class TestIssuance(CmdbCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pc = cls.make_ci("Laptop", cls.cls_pc, serial="LT-1")

    def issue(self, ci=None, **vals):
        wizard = self.env["it.ci.issue.wizard"].create(
            {
                "ci_ids": [(6, 0, (ci or self.pc).ids)],
                "user_id": self.employee.id,
                "print_form": False,
                **vals,
            }
        )
        return wizard.action_confirm()

    def give_back(self, condition, ci=None, **vals):
        wizard = self.env["it.ci.return.wizard"].create(
            {"ci_id": (ci or self.pc).id, "condition_returned": condition, **vals}
        )
        return wizard.action_confirm()

    def test_issue_then_return_good(self):
        self.issue(condition_issued="new")
        self.assertEqual(self.pc.state, "issued")
        self.assertEqual(self.pc.holder_partner_id, self.employee.partner_id)
        self.assertEqual(self.pc.holder_user_id, self.employee)
        issuance = self.pc.issuance_ids
        self.assertEqual(len(issuance), 1)
        self.assertEqual(issuance.state, "issued")
        self.assertEqual(issuance.condition_issued, "new")
        self.assertEqual(self.employee.partner_id.it_ci_held_count, 1)
        self.give_back("good")
        self.assertEqual(self.pc.state, "in_stock")
        self.assertFalse(self.pc.holder_partner_id)
        self.assertEqual(issuance.state, "returned")
        self.assertEqual(issuance.condition_returned, "good")
        self.assertEqual(issuance.date_returned, fields.Date.context_today(issuance))
        self.assertEqual(self.employee.partner_id.it_ci_held_count, 0)
        # full history per person stays after the return
        self.assertEqual(self.employee.partner_id.it_ci_issuance_ids, issuance)

    def test_history_per_item_keeps_every_holder(self):
        other = self.env["res.partner"].create({"name": "Second holder"})
        self.issue()
        self.give_back("worn")
        self.issue(user_id=False, partner_id=other.id)
        self.assertEqual(self.pc.holder_partner_id, other)
        self.assertEqual(
            self.pc.issuance_ids.mapped("partner_id"), other | self.employee.partner_id
        )

    def test_return_damaged_goes_to_repair(self):
        self.issue()
        self.give_back("damaged", note="Screen cracked")
        self.assertEqual(self.pc.state, "in_repair")
        self.assertEqual(self.pc.issuance_ids.state, "damaged")
        self.assertIn("Screen cracked", self.pc.issuance_ids.note)

    def test_return_lost_retires(self):
        self.issue()
        self.give_back("lost")
        self.assertEqual(self.pc.state, "retired")
        self.assertEqual(self.pc.issuance_ids.state, "lost")
        with self.assertRaises(UserError):
            self.issue()

    def test_issue_refused(self):
        server = self.make_ci("Server", self.cls_server)
        with self.assertRaises(UserError):
            self.issue(ci=server)  # servers are not issued to people
        self.issue()
        with self.assertRaises(UserError):
            self.issue()  # already issued
        self.assertEqual(len(self.pc.issuance_ids), 1)
        other = self.make_ci("Laptop 2", self.cls_pc)
        with self.assertRaises(UserError):
            self.issue(ci=other, date_issued=date.today() + timedelta(days=3))
        self.assertEqual(other.state, "in_stock")
        self.assertFalse(other.issuance_ids)

    def test_return_refused(self):
        with self.assertRaises(UserError):
            self.give_back("good")  # not issued
        self.issue(date_issued=date.today() - timedelta(days=2))
        with self.assertRaises(UserError):
            self.give_back("good", date_returned=date.today() - timedelta(days=5))
        self.assertEqual(self.pc.state, "issued")
        self.assertEqual(self.pc.issuance_ids.state, "issued")

    def test_retire_issued_refused(self):
        self.issue()
        with self.assertRaises(UserError):
            self.pc.action_retire()
        self.assertEqual(self.pc.state, "issued")

    def test_handover_form(self):
        action = (
            self.env["it.ci.issue.wizard"]
            .create(
                {"ci_ids": [(6, 0, self.pc.ids)], "user_id": self.employee.id, "print_form": True}
            )
            .action_confirm()
        )
        self.assertEqual(action["report_name"], "it_cmdb.report_it_ci_handover")
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "it_cmdb.report_it_ci_handover", self.pc.issuance_ids.ids
        )
        html = html.decode()
        self.assertIn(self.pc.asset_number, html)
        self.assertIn(self.employee.partner_id.name, html)
        self.assertIn("LT-1", html)

    def test_issuance_history_not_deletable(self):
        self.issue()
        with self.assertRaises(UserError):
            self.pc.issuance_ids.unlink()

    def test_agent_cannot_issue(self):
        with self.assertRaises(AccessError):
            self.env["it.ci.issue.wizard"].with_user(self.agent).create(
                {"ci_ids": [(6, 0, self.pc.ids)], "partner_id": self.agent.partner_id.id}
            )
        self.assertEqual(self.pc.state, "in_stock")

    def test_cmdb_manager_issues(self):
        wizard = (
            self.env["it.ci.issue.wizard"]
            .with_user(self.cmdb_manager)
            .create(
                {"ci_ids": [(6, 0, self.pc.ids)], "user_id": self.employee.id, "print_form": False}
            )
        )
        wizard.action_confirm()
        self.assertEqual(self.pc.state, "issued")
        self.assertEqual(self.pc.issuance_ids.issued_by_id, self.cmdb_manager)
