"""All five modules installed together: their models, groups and menus, and that
each role can open its app's main menu."""

from odoo.tests import new_test_user

from .common import SuiteTransactionCase

MODULES = {
    "customer_care_scripts": {
        "models": ["care.script", "care.script.step"],
        "menu": "customer_care_scripts.customer_care_scripts_menu_root",
        "groups": ["group_care_staff", "group_care_analyst", "group_care_manager"],
    },
    "it_service_desk": {
        "models": ["it.ticket", "it.team", "it.stage"],
        "menu": "it_service_desk.it_service_desk_menu_root",
        "groups": [
            "group_it_backoffice",
            "group_it_agent",
            "group_it_callback_agent",
            "group_it_major_incident_manager",
            "group_it_quality_analyst",
            "group_it_manager",
        ],
    },
    "it_sla": {
        "models": ["it.sla.policy"],
        "menu": "it_sla.it_sla_menu_root",
        "groups": ["group_sla_user", "group_sla_manager"],
    },
    "it_cmdb": {
        "models": ["it.ci", "it.change"],
        "menu": "it_cmdb.it_cmdb_menu_root",
        "groups": [
            "group_cmdb_user",
            "group_change_approver",
            "group_change_manager",
            "group_cmdb_manager",
        ],
    },
    "retail_counter": {
        "models": ["counter.bag.deposit", "counter.lost.item"],
        "menu": "retail_counter.retail_counter_menu_root",
        "groups": [
            "group_counter_staff",
            "group_counter_loss_prevention",
            "group_counter_supervisor",
            "group_counter_finance",
        ],
    },
}


class TestSuiteInstall(SuiteTransactionCase):
    def test_modules_installed(self):
        states = dict(
            self.env["ir.module.module"]
            .search([("name", "in", list(MODULES))])
            .mapped(lambda m: (m.name, m.state))
        )
        self.assertEqual(states, dict.fromkeys(MODULES, "installed"))

    def test_models_exist_with_access_rules(self):
        for module, spec in MODULES.items():
            for model in spec["models"]:
                with self.subTest(module=module, model=model):
                    self.assertIn(model, self.env)
                    ir_model = self.env["ir.model"]._get(model)
                    self.assertTrue(
                        self.env["ir.model.access"].search_count([("model_id", "=", ir_model.id)]),
                        f"{model} has no access rule",
                    )

    def test_manifests_follow_conventions(self):
        for module in self.env["ir.module.module"].search([("name", "in", list(MODULES))]):
            with self.subTest(module=module.name):
                self.assertTrue(module.latest_version.startswith("18.0."))
                self.assertEqual(module.license, "LGPL-3")
                self.assertTrue(module.application)
                self.assertEqual(module.category_id.name, "Service Desk")

    def test_each_role_opens_its_app_menu(self):
        menus = self.env["ir.ui.menu"]
        for module, spec in MODULES.items():
            root = self.env.ref(spec["menu"])
            for group in spec["groups"]:
                xmlid = f"{module}.{group}"
                with self.subTest(group=xmlid):
                    user = new_test_user(
                        self.env, login=f"role_{group}", groups=f"base.group_user,{xmlid}"
                    )
                    visible = menus.with_user(user).load_menus(debug=False)
                    self.assertIn(root.id, visible["root"]["children"], xmlid)
                    # the app's first action (depth first) opens for this role
                    action = self._first_action(visible, root.id)
                    self.assertTrue(action, f"{xmlid}: no menu of {module} has an action")
                    model = (
                        self.env[action.split(",")[0]].browse(int(action.split(",")[1])).res_model
                    )
                    self.env[model].with_user(user).check_access("read")

    @classmethod
    def _first_action(cls, visible, menu_id):
        for child in visible[menu_id]["children"]:
            action = visible[child]["action"] or cls._first_action(visible, child)
            if action:
                return action
        return False

    def test_plain_user_sees_no_app(self):
        user = new_test_user(self.env, login="plain_employee", groups="base.group_user")
        visible = self.env["ir.ui.menu"].with_user(user).load_menus(debug=False)
        for spec in MODULES.values():
            self.assertNotIn(self.env.ref(spec["menu"]).id, visible["root"]["children"])
