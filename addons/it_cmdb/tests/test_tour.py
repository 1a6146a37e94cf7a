from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCmdbTour(HttpCase):
    def test_issue_from_the_form(self):
        laptop = self.env["it.ci"].create(
            {"name": "Tour Laptop", "class_id": self.env.ref("it_cmdb.ci_class_pc").id}
        )
        holder = self.env["res.partner"].create({"name": "Tour Holder"})
        self.start_tour("/odoo/action-it_cmdb.it_ci_action", "it_cmdb_issue_tour", login="admin")
        self.assertEqual(laptop.state, "issued")
        self.assertEqual(laptop.holder_partner_id, holder)
        self.assertEqual(laptop.issuance_ids.partner_id, holder)
