from odoo.tests import Form

from .common import CareCase


class TestFormsAndActions(CareCase):
    def test_tick_dialog_from_a_form(self):
        interaction = self._interaction().with_user(self.staff)
        action = interaction.action_care_script_compliance()
        compliance = (
            self.env["care.script.compliance"].with_user(self.staff).browse(action["res_id"])
        )
        view = self.env.ref("customer_care_scripts.care_script_compliance_view_form_tick")
        self.assertEqual(action["views"], [(view.id, "form")])
        with Form(compliance, view=view) as form:
            for index in range(len(form.line_ids)):
                with form.line_ids.edit(index) as line:
                    line.done = index < 2
        self.assertEqual(compliance.done_count, 2)
        self.assertAlmostEqual(compliance.rate, 200 / 3)

    def test_staff_closes_their_improvement_activity(self):
        evaluation = self._evaluation(improvement_action="Greet within five steps")
        self._score(evaluation, "no", "yes", "yes")
        evaluation.action_done()
        activity = evaluation.activity_ids.with_user(self.staff)
        self.assertEqual(activity.user_id, self.staff)
        activity.action_feedback(feedback="Practised with the team leader")
        self.assertFalse(evaluation.activity_ids)
        self.assertIn("Practised with the team leader", evaluation.message_ids[:1].body)

    def test_all_actions_open(self):
        for xmlid in (
            "care_script_action",
            "care_script_version_action",
            "care_team_action",
            "care_checklist_action",
            "care_evaluation_action",
            "care_evaluation_action_report",
            "care_script_compliance_action",
            "care_script_compliance_action_report",
            "care_interaction_action",
        ):
            with self.subTest(action=xmlid):
                action = self.env.ref(f"customer_care_scripts.{xmlid}")
                model = self.env[action.res_model].with_user(self.analyst)
                modes = action.view_mode.split(",")
                views = model.get_views([(False, mode) for mode in modes] + [(False, "search")])
                self.assertEqual(set(views["views"]), set(modes) | {"search"})
                model.search([], limit=5)

    def test_script_form_edits_make_one_version(self):
        with Form(self.script.with_user(self.analyst)) as form:
            form.name = "Read-back, revised"
            with form.step_ids.new() as step:
                step.text = "Have a nice day."
                step.sequence = 50
            with form.step_ids.edit(0) as step:
                step.text = "Good morning, how may I help you?"
        self.assertEqual(self.script.version_count, 2)
        self.assertIn("Have a nice day.", self.script.current_version_id.step_ids.mapped("text"))
