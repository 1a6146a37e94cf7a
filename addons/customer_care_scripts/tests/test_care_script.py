from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from ..models.care_script import fill_placeholders
from .common import CareCase


class TestPlaceholders(CareCase):
    def test_known_placeholders_are_filled(self):
        self.assertEqual(
            fill_placeholders(
                "{customer_name}, your phone is {phone}?",
                {"customer_name": "Zhang San", "phone": "123"},
            ),
            "Zhang San, your phone is 123?",
        )

    def test_unknown_or_empty_placeholders_stay_visible(self):
        self.assertEqual(
            fill_placeholders(
                "{customer_name} / {card_number} / {phone}", {"customer_name": "Li", "phone": False}
            ),
            "Li / {card_number} / {phone}",
        )

    def test_no_code_is_executed_from_the_text(self):
        values = {"customer_name": "Li"}
        cases = [
            ("{customer_name.__class__}", "{customer_name.__class__}"),
            ("{customer_name!r}", "{customer_name!r}"),
            ("{0}", "{0}"),
            ("{customer_name:>100}", "{customer_name:>100}"),
            ("{__import__('os').system('false')}", "{__import__('os').system('false')}"),
            ("{{customer_name}}", "{Li}"),
            ("{ customer_name }", "{ customer_name }"),
            ("{", "{"),
            ("}{", "}{"),
            ("%(customer_name)s", "%(customer_name)s"),
        ]
        for text, expected in cases:
            with self.subTest(text=text):
                self.assertEqual(fill_placeholders(text, values), expected)

    def test_records_render_their_name(self):
        self.assertEqual(fill_placeholders("Hello {who}", {"who": self.partner}), "Hello Zhang San")

    def test_html_is_escaped(self):
        html = self.script._care_render_html({"customer_name": "<script>alert(1)</script>"})
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", html)
        self.assertNotIn("<script>", html)
        self.assertIn("{phone}", html, "an unfilled placeholder is shown plainly")

    def test_preview_shows_placeholders(self):
        self.assertIn("{customer_name}", self.script.preview_html)
        self.assertEqual(self.script.placeholder_names, "{customer_name}, {phone}")


class TestScriptLifecycle(CareCase):
    def test_code_must_be_a_plain_key(self):
        with self.assertRaises(ValidationError):
            self.env["care.script"].create({"name": "Bad", "code": "Bad Code!"})

    def test_code_unique_per_company(self):
        with self.assertRaises(ValidationError):
            self.env["care.script"].create({"name": "Dup", "code": "test_care_readback"})
        self.script.action_archive()
        with self.assertRaises(ValidationError):
            self.env["care.script"].create({"name": "Dup", "code": "test_care_readback"})

    @mute_logger("odoo.sql_db")
    def test_code_unique_in_the_database_too(self):
        with self.assertRaises(IntegrityError):
            self.env.cr.execute(
                "INSERT INTO care_script (name, code, sequence, audience, state, active)"
                " VALUES ('{\"en_US\": \"Dup\"}', 'test_care_readback', 1, 'any', 'draft', true)"
            )

    def test_publish_requires_steps_and_draft(self):
        empty = self.env["care.script"].create(
            {"name": "Empty", "code": "test_care_empty", "state": "draft"}
        )
        with self.assertRaises(UserError):
            empty.action_publish()
        self.assertEqual(empty.state, "draft")
        self.assertFalse(empty.version_ids)
        # publishing again is harmless: no new version
        self.script.action_publish()
        self.assertEqual(self.script.version_count, 1)
        with self.assertRaises(UserError):
            empty.action_unpublish()

    def test_publish_creates_first_version(self):
        self.assertEqual(self.script.state, "published")
        self.assertEqual(self.script.version, 1)
        version = self.script.current_version_id
        self.assertEqual(version.step_ids.mapped("text"), self.script.step_ids.mapped("text"))
        self.assertEqual(version.display_name, "Test membership read-back (v1)")

    def test_editing_a_published_script_keeps_the_old_version(self):
        v1 = self.script.current_version_id
        step = self.script.step_ids.sorted("sequence")[0]
        step.text = "Welcome to our store, how may I help you?"
        v2 = self.script.current_version_id
        self.assertNotEqual(v1, v2)
        self.assertEqual(self.script.version, 2)
        self.assertEqual(v1.step_ids.sorted("sequence")[0].text, "Welcome, how may I help you?")
        self.assertEqual(
            v2.step_ids.sorted("sequence")[0].text, "Welcome to our store, how may I help you?"
        )
        self.assertFalse(v1.is_current)
        self.assertTrue(v2.is_current)

    def test_one_version_per_save(self):
        steps = self.script.step_ids.sorted("sequence")
        self.script.write(
            {
                "name": "Read-back (revised)",
                "step_ids": [
                    Command.update(steps[0].id, {"text": "Hello!"}),
                    Command.delete(steps[2].id),
                    Command.create({"sequence": 50, "text": "Goodbye."}),
                ],
            }
        )
        self.assertEqual(self.script.version_count, 2)
        self.assertEqual(
            self.script.current_version_id.step_ids.mapped("text"),
            [
                "Hello!",
                "{customer_name}, your phone is {phone}, is that right?",
                "Thank you for coming.",
                "Goodbye.",
            ],
        )

    def test_no_version_for_a_no_op_or_a_draft(self):
        self.script.write({"name": self.script.name, "sequence": 5})
        self.assertEqual(self.script.version_count, 1)
        draft = self.env["care.script"].create(
            {
                "name": "Draft",
                "code": "test_care_draft",
                "state": "draft",
                "step_ids": [Command.create({"text": "Hi"})],
            }
        )
        draft.step_ids.text = "Hello"
        self.assertFalse(draft.version_ids)

    def test_translation_fix_follows_the_current_version(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        step = self.script.step_ids.sorted("sequence")[0]
        step.update_field_translations("text", {"zh_CN": "欢迎光临、请问有什么需要帮助的?"})
        self.assertEqual(self.script.version_count, 1, "a translation is not a new version")
        version_step = self.script.current_version_id.step_ids.sorted("sequence")[0]
        self.assertEqual(
            version_step.with_context(lang="zh_CN").text, "欢迎光临、请问有什么需要帮助的?"
        )
        # a new English phrase makes v2; v1 keeps its Chinese
        step.text = "Welcome!"
        self.assertEqual(self.script.version_count, 2)
        self.assertEqual(
            version_step.with_context(lang="zh_CN").text, "欢迎光临、请问有什么需要帮助的?"
        )

    def test_new_scripts_are_live_and_versioned_once_they_have_steps(self):
        script = self.env["care.script"].create({"name": "Live", "code": "test_care_live"})
        self.assertEqual(script.state, "published")
        self.assertFalse(script.version_ids, "no version without content")
        script.write({"step_ids": [Command.create({"text": "Hello"})]})
        self.assertEqual(script.version, 1)

    def test_data_files_defer_the_version_to_first_use(self):
        Script = self.env["care.script"].with_context(
            install_module="customer_care_scripts", install_filename="demo/x.xml"
        )
        script = Script.create({"name": "Loaded", "code": "test_care_loaded"})
        Script.env["care.script.step"].create(
            [{"script_id": script.id, "sequence": seq, "text": f"Step {seq}"} for seq in (10, 20)]
        )
        self.assertFalse(script.version_ids)
        # first use by a staff member (who may not create versions) freezes one version
        interaction = self._interaction(script=script)
        compliance = interaction.with_user(self.staff)._care_script_mark_steps([10])
        self.assertEqual(script.version_count, 1)
        self.assertEqual(compliance.version_id.step_ids.mapped("text"), ["Step 10", "Step 20"])
        self.assertEqual(script._care_ensure_versions(), compliance.version_id)

    def test_unpublished_script_is_not_versioned_until_republished(self):
        self.script.action_unpublish()
        self.script.step_ids[0].text = "Changed while draft"
        self.assertEqual(self.script.version_count, 1)
        self.script.action_publish()
        self.assertEqual(self.script.version_count, 2)

    def test_delete_refused_when_used_archive_instead(self):
        interaction = self._interaction()
        interaction.with_user(self.staff)._care_script_mark_steps([10])
        with self.assertRaises(UserError):
            self.script.with_user(self.manager).unlink()
        self.assertTrue(self.script.exists())
        self.script.with_user(self.manager).action_archive()
        self.assertFalse(self.script.active)

    def test_unused_script_can_be_deleted_by_a_manager(self):
        script = self.env["care.script"].create({"name": "Tmp", "code": "test_care_tmp"})
        with self.assertRaises(AccessError):
            script.with_user(self.analyst).unlink()
        script.with_user(self.manager).unlink()
        self.assertFalse(script.exists())


class TestScriptAccess(CareCase):
    def test_staff_reads_but_cannot_write(self):
        script = self.script.with_user(self.staff)
        self.assertEqual(script.name, "Test membership read-back")
        self.assertTrue(script.current_version_id.step_ids)
        with self.assertRaises(AccessError):
            script.write({"name": "Hacked"})
        with self.assertRaises(AccessError):
            script.step_ids[0].write({"text": "Hacked"})
        with self.assertRaises(AccessError):
            self.env["care.script"].with_user(self.staff).create(
                {"name": "X", "code": "test_care_x"}
            )
        self.assertEqual(self.script.name, "Test membership read-back")

    def test_analyst_writes_and_versions(self):
        script = self.script.with_user(self.analyst)
        script.write({"step_ids": [Command.create({"sequence": 60, "text": "Bye."})]})
        self.assertEqual(self.script.version, 2)
        self.assertEqual(self.script.current_version_id.create_uid, self.analyst)

    def test_outsider_cannot_read(self):
        with self.assertRaises(AccessError):
            self.script.with_user(self.outsider).read(["name"])

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "Other Store"})
        script = self.env["care.script"].create(
            {"name": "Other", "code": "test_care_other", "company_id": other.id}
        )
        self.assertFalse(
            self.env["care.script"].with_user(self.analyst).search([("id", "=", script.id)])
        )
        self.analyst.write({"company_ids": [Command.link(other.id)]})
        self.assertTrue(
            self.env["care.script"]
            .with_user(self.analyst)
            .with_context(allowed_company_ids=[self.company.id, other.id])
            .search([("id", "=", script.id)])
        )
