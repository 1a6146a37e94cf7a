from odoo import Command
from odoo.exceptions import UserError

from .common import CareCase


class TestMixin(CareCase):
    def test_form_shows_the_filled_script(self):
        interaction = self._interaction(card_number="M-1")
        self.assertEqual(interaction.care_script_id, self.script)
        html = interaction.care_script_html
        self.assertIn("Zhang San, your phone is 020-1234567, is that right?", html)
        self.assertEqual(interaction.care_script_next_step, "Welcome, how may I help you?")

    def test_unknown_values_do_not_crash(self):
        partnerless = self.env["care.interaction"].create(
            {"situation_id": self.script.id, "user_id": self.staff.id}
        )
        self.assertIn("{customer_name}, your phone is {phone}", partnerless.care_script_html)

    def test_draft_or_other_model_script_is_not_shown(self):
        self.script.action_unpublish()
        interaction = self._interaction()
        self.assertFalse(interaction.care_script_id)
        self.assertFalse(interaction.care_script_html)
        self.assertFalse(interaction.care_script_next_step)
        self.script.action_publish()
        self.script.model_ids = [Command.set([self.env["ir.model"]._get_id("res.partner")])]
        interaction.invalidate_recordset()
        self.assertFalse(interaction.care_script_id)
        self.script.model_ids = [Command.set([self.env["ir.model"]._get_id("care.interaction")])]
        interaction.invalidate_recordset()
        self.assertEqual(interaction.care_script_id, self.script)

    def test_company_script_wins_over_shared_one(self):
        other = self.env["res.company"].create({"name": "Other Store"})
        own = self.env["care.script"].create(
            {
                "name": "Own wording",
                "code": "test_care_readback",
                "company_id": self.company.id,
                "step_ids": [Command.create({"text": "Our own greeting"})],
            }
        )
        self.env["care.script"].create(
            {
                "name": "Other store wording",
                "code": "test_care_readback",
                "company_id": other.id,
                "step_ids": [Command.create({"text": "Other greeting"})],
            }
        )
        interaction = self._interaction()
        self.assertEqual(interaction.care_script_id, own)
        self.assertIn("Our own greeting", interaction.care_script_html)

    def test_script_lookup_is_batched(self):
        one = self._interaction()
        many = self.env["care.interaction"]
        for _i in range(10):
            many |= self._interaction()
        self.env.invalidate_all()
        count = self.cr.sql_log_count
        one.mapped("care_script_html")
        queries_one = self.cr.sql_log_count - count
        self.env.invalidate_all()
        count = self.cr.sql_log_count
        many.mapped("care_script_html")
        queries_many = self.cr.sql_log_count - count
        self.assertEqual(queries_many, queries_one, "the lookup does not grow with the records")

    def test_user_outside_care_groups_sees_no_script(self):
        # e.g. a back-office user of another app opening a form that uses the mixin
        record = self._interaction().with_user(self.outsider)
        self.assertFalse(self.env["care.script"].with_user(self.outsider).has_access("read"))
        self.assertFalse(record.care_script_id)
        self.assertFalse(record.care_script_html)
        self.assertFalse(record.care_script_next_step)

    def test_ticking_steps_moves_the_next_step(self):
        interaction = self._interaction().with_user(self.staff)
        action = interaction.action_care_script_compliance()
        self.assertEqual(action["res_model"], "care.script.compliance")
        self.assertEqual(action["target"], "new")
        compliance = self.env["care.script.compliance"].browse(action["res_id"])
        self.assertEqual(compliance.user_id, self.staff)
        self.assertEqual(compliance.version_id, self.script.current_version_id)
        self.assertEqual(len(compliance.line_ids), 4)
        compliance.with_user(self.staff).action_mark_steps([10])
        interaction.invalidate_recordset()
        self.assertEqual(
            interaction.care_script_next_step,
            "Zhang San, your phone is 020-1234567, is that right?",
        )
        self.assertIn("o_care_script_next", interaction.care_script_html)
        # the same checklist comes back the second time
        self.assertEqual(interaction.action_care_script_compliance()["res_id"], compliance.id)
        interaction._care_script_mark_steps([20, 40])
        interaction.invalidate_recordset()
        self.assertFalse(interaction.care_script_next_step, "every mandatory step is done")

    def test_no_script_no_compliance(self):
        self.script.action_unpublish()
        interaction = self._interaction()
        with self.assertRaises(UserError):
            interaction.action_care_script_compliance()
        self.assertFalse(
            self.env["care.script.compliance"].search(
                [("res_id", "=", interaction.id), ("res_model", "=", "care.interaction")]
            )
        )

    def test_script_in_the_user_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.script.step_ids.sorted("sequence")[0].update_field_translations(
            "text", {"zh_CN": "欢迎光临、请问有什么需要帮助的?"}
        )
        interaction = self._interaction()
        self.assertIn("欢迎光临", interaction.with_context(lang="zh_CN").care_script_html)
        self.assertIn(
            "Welcome, how may I help you?", interaction.with_context(lang="en_US").care_script_html
        )
