"""The seed's phrases in the user's language (needs the demo data)."""

from odoo.tools import file_path

from .common import CareCase


class TestSeedTranslations(CareCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.greeting = cls.env.ref(
            "customer_care_scripts.care_script_counter_greeting", raise_if_not_found=False
        )
        if cls.greeting:
            for lang in ("zh_CN", "zh_TW"):
                cls.env["res.lang"]._activate_lang(lang)
            cls.env["ir.module.module"]._load_module_terms(
                ["customer_care_scripts"], ["zh_CN", "zh_TW"], overwrite=True
            )

    def setUp(self):
        super().setUp()
        if not self.greeting:
            self.skipTest("demo data not loaded")

    def test_po_files_exist(self):
        for lang in ("zh_CN", "zh_TW"):
            self.assertTrue(file_path(f"customer_care_scripts/i18n/{lang}.po"))

    def test_greeting_in_three_languages(self):
        step = self.greeting.step_ids[:1]
        self.assertEqual(step.with_context(lang="en_US").text, "Welcome, how may I help you?")
        self.assertEqual(step.with_context(lang="zh_CN").text, "欢迎光临、请问有什么需要帮助的?")
        self.assertEqual(step.with_context(lang="zh_TW").text, "歡迎光臨、請問有什麼需要幫助的?")

    def test_version_follows_loaded_translations(self):
        step = self.greeting.current_version_id.step_ids[:1]
        self.assertEqual(step.with_context(lang="zh_CN").text, "欢迎光临、请问有什么需要帮助的?")

    def test_invoice_refused_apology_for_a_chinese_user(self):
        script = self.env.ref("customer_care_scripts.care_script_invoice_refused")
        interaction = self._interaction(script=script)
        html = interaction.with_context(lang="zh_CN").care_script_html
        self.assertIn("对不起,税务部门有要求,不能为您开具,实在很抱歉。", html)
        self.assertIn(
            "Sorry, the tax authority does not allow us to issue this invoice.",
            interaction.with_context(lang="en_US").care_script_html,
        )

    def test_menus_translated(self):
        menu = self.env.ref("customer_care_scripts.care_evaluation_menu")
        self.assertNotEqual(menu.with_context(lang="zh_CN").name, "Evaluations")
