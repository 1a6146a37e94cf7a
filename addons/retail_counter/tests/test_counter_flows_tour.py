from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCounterFlowsTour(HttpCase):
    """Browser tours of the counter flows; each asserts what the clerk sees."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = new_test_user(
            cls.env,
            login="tour_clerk",
            groups="retail_counter.group_counter_staff",
            name="Tour Clerk",
        )

    def test_lost_item_registered_and_claimed(self):
        self.start_tour(
            "/odoo/action-retail_counter.counter_lost_item_action",
            "retail_counter_lost_item_tour",
            login=self.clerk.login,
        )
        item = self.env["counter.lost.item"].search([("name", "=", "Tour black umbrella")])
        self.assertEqual(item.state, "claimed")
        self.assertEqual(item.registered_by_id, self.clerk)
        self.assertEqual(item.claimant_name, "Tour Owner")
        self.assertTrue(item.claim_signature)
        self.assertNotIn("19800101", item.claim_document)
        self.assertTrue(item.claim_document.endswith("1234"))

    def test_membership_card_issued(self):
        self.start_tour(
            "/odoo/action-retail_counter.counter_membership_application_action",
            "retail_counter_membership_tour",
            login=self.clerk.login,
        )
        app = self.env["counter.membership.application"].search([("name", "=", "Tour Member")])
        self.assertEqual(app.state, "issued")
        self.assertTrue(app.partner_id.counter_card_number.startswith("8800"))
        self.assertEqual(app.partner_id.membership_state, "paid")
        self.assertEqual(app.identity_number, "**************5678")
