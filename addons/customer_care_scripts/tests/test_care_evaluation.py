from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import CareCase


class TestEvaluation(CareCase):
    def test_lines_come_from_the_checklist(self):
        evaluation = self._evaluation()
        self.assertEqual(
            evaluation.line_ids.mapped("name"), ["Appearance", "Posture", "Verification read back"]
        )
        self.assertEqual(evaluation.line_ids.mapped("weight"), [2, 2, 4])
        self.assertEqual(evaluation.line_ids[2].script_version_id, self.script.current_version_id)
        self.assertTrue(evaluation.name.startswith("QC/"))
        self.assertEqual(evaluation.team_id, self.team)
        self.assertEqual(evaluation.subject, "staff")

    def test_weighted_score(self):
        evaluation = self._evaluation()
        self._score(evaluation, "yes", "partial", "no")
        # (2*1 + 2*0.5 + 4*0) / 8
        self.assertAlmostEqual(evaluation.score, 37.5)
        self.assertFalse(evaluation.passed)
        self._score(evaluation, "yes", "na", "yes")
        self.assertAlmostEqual(evaluation.score, 100.0, msg="n/a items do not count")
        self.assertTrue(evaluation.passed)

    def test_evaluator_cannot_evaluate_themselves(self):
        with self.assertRaises(ValidationError):
            self._evaluation(staff=self.analyst, evaluator=self.analyst)
        evaluation = self._evaluation()
        with self.assertRaises(ValidationError):
            evaluation.evaluator_id = self.staff
        self.assertFalse(self.env["care.evaluation"].search([("staff_id", "=", self.analyst.id)]))

    def test_complete_needs_every_item_scored(self):
        evaluation = self._evaluation()
        self._score(evaluation, "yes", "yes", False)
        with self.assertRaises(UserError):
            evaluation.action_done()
        self.assertEqual(evaluation.state, "draft")
        self._score(evaluation, "na", "na", "na")
        with self.assertRaises(UserError):
            evaluation.action_done()
        self.assertEqual(evaluation.state, "draft")

    def test_done_evaluation_is_locked(self):
        evaluation = self._evaluation()
        self._score(evaluation, "yes", "yes", "yes")
        evaluation.action_done()
        self.assertEqual(evaluation.state, "done")
        with self.assertRaises(UserError):
            evaluation.action_done()
        with self.assertRaises(UserError):
            evaluation.line_ids[0].result = "no"
        with self.assertRaises(UserError):
            evaluation.staff_id = self.staff2
        with self.assertRaises(UserError):
            evaluation.unlink()
        self.assertEqual(evaluation.score, 100.0)
        evaluation.comment = "<p>Good job</p>"  # comments stay open
        evaluation.action_draft()
        evaluation.line_ids[0].result = "no"
        self.assertEqual(evaluation.score, 75.0)

    def test_failed_evaluation_plans_an_improvement_activity(self):
        evaluation = self._evaluation(improvement_action="Practise the read-back")
        self._score(evaluation, "yes", "yes", "no")
        evaluation.action_done()
        activity = evaluation.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.staff)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("customer_care_scripts.mail_activity_type_care_improvement"),
        )
        self.assertIn("Practise the read-back", activity.note)
        self.assertIn("Verification read back", activity.note)

    def test_passed_evaluation_plans_nothing_unless_asked(self):
        evaluation = self._evaluation()
        self._score(evaluation, "yes", "yes", "yes")
        evaluation.action_done()
        self.assertFalse(evaluation.activity_ids)
        with self.assertRaises(UserError):
            evaluation.action_plan_improvement()
        evaluation.improvement_action = "Keep smiling"
        evaluation.action_plan_improvement()
        self.assertEqual(len(evaluation.activity_ids), 1)

    def test_plan_improvement_on_a_draft_is_refused(self):
        evaluation = self._evaluation(improvement_action="x")
        with self.assertRaises(UserError):
            evaluation.action_plan_improvement()
        self.assertFalse(evaluation.activity_ids)

    def test_evaluation_of_a_record(self):
        interaction = self._interaction()
        evaluation = self._evaluation(res_model="care.interaction", res_id=interaction.id)
        self.assertEqual(evaluation.subject, "record")
        self.assertEqual(evaluation.record_ref, interaction)
        self.assertEqual(evaluation.res_name, interaction.display_name)
        self.assertEqual(evaluation.script_version_id, self.script.current_version_id)
        self.assertEqual(evaluation.action_open_record()["res_id"], interaction.id)
        # the script changes: the evaluation keeps the version it was made on
        old_version = evaluation.script_version_id
        self.script.step_ids[0].text = "Hello there"
        self.assertEqual(evaluation.script_version_id, old_version)
        self.assertNotEqual(self.script.current_version_id, old_version)

    def test_record_reference_is_validated(self):
        with self.assertRaises(ValidationError):
            self._evaluation(res_model="no.such.model", res_id=1)
        with self.assertRaises(ValidationError):
            self._evaluation(res_model="res.partner", res_id=999999999)
        with self.assertRaises(UserError):
            self._evaluation().action_open_record()

    def test_form_onchange_fills_items_and_staff(self):
        from odoo.tests import Form

        interaction = self._interaction()
        with Form(self.env["care.evaluation"].with_user(self.analyst)) as form:
            form.checklist_id = self.checklist
            form.record_ref = interaction
            self.assertEqual(len(form.line_ids), 3)
            self.assertEqual(form.staff_id, self.staff)
        evaluation = form.record
        self.assertEqual(evaluation.evaluator_id, self.analyst)
        self.assertEqual(evaluation.script_version_id, self.script.current_version_id)

    def test_scores_per_team_and_month(self):
        for results in (("yes", "yes", "yes"), ("no", "no", "yes")):
            evaluation = self._evaluation(date="2026-03-10")
            self._score(evaluation, *results)
            evaluation.action_done()
        groups = self.env["care.evaluation"]._read_group(
            [("team_id", "=", self.team.id), ("state", "=", "done")],
            ["team_id", "staff_id", "date:month"],
            ["score:avg", "__count"],
        )
        self.assertEqual(len(groups), 1)
        team, staff, _month, score, count = groups[0]
        self.assertEqual((team, staff, count), (self.team, self.staff, 2))
        self.assertAlmostEqual(score, 75.0)


class TestChecklist(CareCase):
    @mute_logger("odoo.sql_db")
    def test_weight_must_be_positive(self):
        with self.assertRaises(IntegrityError):
            self.checklist.write({"item_ids": [Command.create({"name": "Bad", "weight": 0})]})

    def test_used_checklist_cannot_be_deleted(self):
        self._evaluation()
        with self.assertRaises(UserError):
            self.checklist.with_user(self.manager).unlink()
        self.assertTrue(self.checklist.exists())

    def test_total_weight(self):
        self.assertEqual(self.checklist.total_weight, 8)

    def test_staff_cannot_write_checklists_analyst_can(self):
        with self.assertRaises(AccessError):
            self.checklist.with_user(self.staff).write({"name": "Hacked"})
        with self.assertRaises(AccessError):
            self.checklist.item_ids[0].with_user(self.staff).write({"weight": 9})
        self.checklist.with_user(self.analyst).write({"name": "Counter standard v2"})
        self.assertEqual(self.checklist.name, "Counter standard v2")


class TestEvaluationAccess(CareCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls.env["care.evaluation"].create(
            {
                "checklist_id": cls.checklist.id,
                "staff_id": cls.staff.id,
                "evaluator_id": cls.analyst.id,
            }
        )
        cls.other = cls.env["care.evaluation"].create(
            {
                "checklist_id": cls.checklist.id,
                "staff_id": cls.staff2.id,
                "evaluator_id": cls.analyst.id,
            }
        )

    def test_staff_sees_only_their_own(self):
        Evaluation = self.env["care.evaluation"].with_user(self.staff)
        found = Evaluation.search([("id", "in", (self.mine | self.other).ids)])
        self.assertEqual(found, self.mine)
        with self.assertRaises(AccessError):
            self.other.with_user(self.staff).read(["score"])
        self.assertEqual(
            self.env["care.evaluation.line"]
            .with_user(self.staff)
            .search([("evaluation_id", "in", (self.mine | self.other).ids)])
            .evaluation_id,
            self.mine,
        )

    def test_staff_cannot_write_or_create(self):
        with self.assertRaises(AccessError):
            self.mine.with_user(self.staff).write({"comment": "I was great"})
        with self.assertRaises(AccessError):
            self.mine.line_ids[0].with_user(self.staff).write({"result": "yes"})
        with self.assertRaises(AccessError):
            self.env["care.evaluation"].with_user(self.staff).create(
                {"checklist_id": self.checklist.id, "staff_id": self.staff2.id}
            )

    def test_team_leader_sees_the_team(self):
        Evaluation = self.env["care.evaluation"].with_user(self.leader)
        self.assertEqual(Evaluation.search([("id", "in", (self.mine | self.other).ids)]), self.mine)

    def test_analyst_sees_and_writes_all(self):
        Evaluation = self.env["care.evaluation"].with_user(self.analyst)
        self.assertEqual(
            Evaluation.search([("id", "in", (self.mine | self.other).ids)]), self.mine | self.other
        )
        self.other.with_user(self.analyst).comment = "<p>ok</p>"
        evaluation = Evaluation.create(
            {"checklist_id": self.checklist.id, "staff_id": self.staff2.id}
        )
        self.assertEqual(evaluation.evaluator_id, self.analyst)

    def test_other_company_evaluations_are_hidden(self):
        other = self.env["res.company"].create({"name": "Other Store"})
        hidden = self.env["care.evaluation"].create(
            {
                "checklist_id": self.checklist.id,
                "staff_id": self.staff.id,
                "evaluator_id": self.analyst.id,
                "company_id": other.id,
            }
        )
        self.assertFalse(
            self.env["care.evaluation"].with_user(self.analyst).search([("id", "=", hidden.id)])
        )
        self.assertFalse(
            self.env["care.evaluation"].with_user(self.staff).search([("id", "=", hidden.id)])
        )
