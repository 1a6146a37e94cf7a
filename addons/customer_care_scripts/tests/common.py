"""Shared fixtures of the customer_care_scripts tests (no test_ methods here)."""

from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class CareCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.staff = new_test_user(
            cls.env,
            "care_t_staff",
            groups="customer_care_scripts.group_care_staff",
            name="Staff One",
        )
        cls.staff2 = new_test_user(
            cls.env,
            "care_t_staff2",
            groups="customer_care_scripts.group_care_staff",
            name="Staff Two",
        )
        cls.leader = new_test_user(
            cls.env,
            "care_t_leader",
            groups="customer_care_scripts.group_care_staff",
            name="Team Leader",
        )
        cls.analyst = new_test_user(
            cls.env,
            "care_t_analyst",
            groups="customer_care_scripts.group_care_analyst",
            name="Analyst",
        )
        cls.manager = new_test_user(
            cls.env,
            "care_t_manager",
            groups="customer_care_scripts.group_care_manager",
            name="Manager",
        )
        cls.outsider = new_test_user(cls.env, "care_t_outsider", groups="base.group_user")
        cls.team = cls.env["care.team"].create(
            {
                "name": "Test Counter Team",
                "leader_id": cls.leader.id,
                "member_ids": [Command.set([cls.staff.id])],
            }
        )
        cls.script = cls.env["care.script"].create(
            {
                "name": "Test membership read-back",
                "code": "test_care_readback",
                "step_ids": [
                    Command.create({"sequence": 10, "text": "Welcome, how may I help you?"}),
                    Command.create(
                        {
                            "sequence": 20,
                            "text": "{customer_name}, your phone is {phone}, is that right?",
                        }
                    ),
                    Command.create(
                        {"sequence": 30, "text": "Never mind, I will call you.", "mandatory": False}
                    ),
                    Command.create({"sequence": 40, "text": "Thank you for coming."}),
                ],
            }
        )
        cls.partner = cls.env["res.partner"].create(
            {
                "name": "Zhang San",
                "phone": "020-1234567",
                "street": "1 Tianhe Rd",
                "city": "Guangzhou",
            }
        )
        cls.checklist = cls.env["care.checklist"].create(
            {
                "name": "Test counter standard",
                "pass_score": 80,
                "item_ids": [
                    Command.create({"sequence": 10, "name": "Appearance", "weight": 2}),
                    Command.create({"sequence": 20, "name": "Posture", "weight": 2}),
                    Command.create(
                        {
                            "sequence": 30,
                            "name": "Verification read back",
                            "weight": 4,
                            "script_id": cls.script.id,
                        }
                    ),
                ],
            }
        )

    def _interaction(self, script=None, user=None, **vals):
        return self.env["care.interaction"].create(
            {
                "situation_id": (script or self.script).id,
                "partner_id": self.partner.id,
                "user_id": (user or self.staff).id,
                **vals,
            }
        )

    def _evaluation(self, staff=None, evaluator=None, **vals):
        return self.env["care.evaluation"].create(
            {
                "checklist_id": self.checklist.id,
                "staff_id": (staff or self.staff).id,
                "evaluator_id": (evaluator or self.analyst).id,
                **vals,
            }
        )

    @staticmethod
    def _score(evaluation, *results):
        for line, result in zip(evaluation.line_ids.sorted("sequence"), results, strict=True):
            line.result = result
