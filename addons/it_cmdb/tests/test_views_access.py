from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from .common import CmdbCase

VIEWS = [(False, "list"), (False, "form"), (False, "kanban"), (False, "search"), (False, "pivot")]


class TestViewsAccess(CmdbCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reader = new_test_user(
            cls.env, "t_cmdb_reader", groups="base.group_user,it_cmdb.group_cmdb_user"
        )

    def test_every_role_opens_the_views(self):
        for user in (
            self.reader,
            self.agent,
            self.approver1,
            self.change_manager,
            self.cmdb_manager,
        ):
            for model in ("it.ci", "it.change", "it.ci.issuance"):
                with self.subTest(user=user.login, model=model):
                    views = self.env[model].with_user(user).get_views(VIEWS)
                    self.assertIn("form", views["views"])

    def test_reader_without_desk_access_reads_items(self):
        """A pure CMDB reader sees items, not the desk's tickets linked to them."""
        self.build_estate()
        Ticket = self.env["it.ticket"]
        Ticket.create({"name": "On the DB", "ci_ids": [(6, 0, self.db.ids)]})
        db = self.db.with_user(self.reader)
        self.assertEqual(db.name, "Billing DB")
        self.assertEqual(db.impacted_service_ids, self.svc)
        arch = db.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn("open_ticket_count", arch)
        with self.assertRaises(AccessError):
            db.read(["ticket_ids"])

    def test_person_history_from_the_contact(self):
        pc = self.make_ci("Laptop", self.cls_pc)
        self.env["it.ci.issue.wizard"].create(
            {"ci_ids": [(6, 0, pc.ids)], "user_id": self.employee.id, "print_form": False}
        ).action_confirm()
        action = self.employee.partner_id.action_open_it_ci_issuances()
        self.assertEqual(self.env["it.ci.issuance"].search(action["domain"]), pc.issuance_ids)
        # a user without CMDB access sees no count instead of an error
        self.assertEqual(self.employee.partner_id.with_user(self.employee).it_ci_held_count, 0)

    def test_issuance_multi_company(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        pc = self.make_ci("Foreign laptop", self.cls_pc, company_id=other.id)
        self.env["it.ci.issue.wizard"].create(
            {"ci_ids": [(6, 0, pc.ids)], "user_id": self.employee.id, "print_form": False}
        ).action_confirm()
        found = (
            self.env["it.ci.issuance"]
            .with_user(self.cmdb_manager)
            .search([("id", "in", pc.issuance_ids.ids)])
        )
        self.assertFalse(found)

    def test_warranty_cron_is_scheduled(self):
        cron = self.env.ref("it_cmdb.ir_cron_it_ci_warranty_reminder")
        self.assertEqual(cron.model_id.model, "it.ci")
        self.assertIn("_cron_remind_warranty", cron.code)
        self.assertTrue(cron.active)
