"""customer_care_scripts with the other modules: every form that inherits the script
mixin renders its panel, and the situations its records are in have a script."""

from odoo.tests import new_test_user

from .common import SuiteTransactionCase


class TestCareScriptsAcrossModules(SuiteTransactionCase):
    def _mixin_models(self):
        return [
            name
            for name, model in self.env.registry.items()
            if not model._abstract
            and not model._transient
            and "care.script.mixin" in model._inherit_module
        ]

    def test_mixin_models_render_their_panel(self):
        models = self._mixin_models()
        self.assertIn("care.interaction", models)
        for name in models:
            with self.subTest(model=name):
                records = self.env[name].search([], limit=20)
                for record in records:
                    html = record.care_script_html
                    if record.care_script_id:
                        self.assertIn(record.care_script_id.name, html)
                    else:
                        self.assertFalse(html)

    def test_codes_in_use_have_a_published_script(self):
        published = set(
            self.env["care.script"].search([("state", "=", "published")]).mapped("code")
        )
        for name in self._mixin_models():
            for record in self.env[name].search([], limit=50):
                code = record._care_script_code()
                if code:
                    with self.subTest(model=name, code=code):
                        self.assertIn(code, published)

    def test_staff_of_other_apps_see_scripts_and_tick_steps(self):
        # the desk and counter groups imply the care staff group
        for group in ("it_service_desk.group_it_agent", "retail_counter.group_counter_staff"):
            if not self.env.ref(group, raise_if_not_found=False):
                continue
            with self.subTest(group=group):
                user = new_test_user(self.env, f"care_it_{group.split('.')[1]}", groups=group)
                self.assertTrue(user.has_group("customer_care_scripts.group_care_staff"))
                script = self.env["care.script"].search([("state", "=", "published")], limit=1)
                self.assertTrue(script.with_user(user).step_ids)
