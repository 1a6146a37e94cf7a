from odoo import Command
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCareTour(HttpCase):
    def test_interaction_form_shows_the_script(self):
        script = self.env["care.script"].create(
            {
                "name": "Tour read-back",
                "code": "test_care_tour",
                "step_ids": [
                    Command.create(
                        {"sequence": 10, "text": "Welcome to the tour, how may I help you?"}
                    ),
                    Command.create(
                        {
                            "sequence": 20,
                            "text": "{customer_name}, your phone is {phone}, is that right?",
                        }
                    ),
                ],
            }
        )
        partner = self.env["res.partner"].create({"name": "Tour Customer", "phone": "020-7654321"})
        interaction = self.env["care.interaction"].create(
            {
                "situation_id": script.id,
                "partner_id": partner.id,
                "user_id": self.env.ref("base.user_admin").id,
            }
        )
        self.start_tour(
            "/odoo/action-customer_care_scripts.care_interaction_action",
            "customer_care_scripts_interaction_tour",
            login="admin",
        )
        compliance = self.env["care.script.compliance"].search(
            [("res_model", "=", "care.interaction"), ("res_id", "=", interaction.id)]
        )
        self.assertEqual(compliance.rate, 100.0)
        self.assertEqual(compliance.user_id, self.env.ref("base.user_admin"))
