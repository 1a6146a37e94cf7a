from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCounterTour(HttpCase):
    def test_bag_deposit_and_pick_up_in_the_web_client(self):
        company = self.env.ref("base.main_company")
        self.env["counter.locker"].create({"tag_number": "TOUR1", "company_id": company.id})
        script = self.env["care.script"].create(
            {
                "code": "bag_deposit",
                "name": "Tour bag deposit",
                "company_id": company.id,
                "step_ids": [
                    (0, 0, {"sequence": 10, "text": "Tour: keep your valuables with you"})
                ],
            }
        )
        script.action_publish()
        self.start_tour(
            "/odoo/action-retail_counter.counter_bag_deposit_action",
            "retail_counter_bag_tour",
            login="admin",
        )
        deposit = self.env["counter.bag.deposit"].search([("name", "=", "TOUR1")])
        self.assertEqual(deposit.customer_name, "Tour Lady")
        self.assertEqual(deposit.state, "picked_up")
        self.assertTrue(deposit.valuables_warned)
