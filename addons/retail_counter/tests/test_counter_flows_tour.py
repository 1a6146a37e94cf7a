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
