from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestChangeTour(HttpCase):
    def test_change_updates_a_ci(self):
        manager = new_test_user(
            self.env,
            login="tour_change_mgr",
            groups="it_cmdb.group_change_manager",
            name="Tour Change Manager",
        )
        server = self.env["it.ci"].create(
            {
                "name": "Tour Server",
                "class_id": self.env.ref("it_cmdb.ci_class_pc").id,
                "serial": "SN-OLD-1",
            }
        )
        change = self.env["it.change"].create(
            {
                "name": "Tour: replace the disk controller",
                "change_type": "standard",
                "user_id": manager.id,
                "ci_ids": [(6, 0, server.ids)],
            }
        )
        self.start_tour(
            f"/odoo/action-it_cmdb.it_change_action/{change.id}",
            "it_cmdb_change_tour",
            login=manager.login,
        )
        self.assertEqual(change.state, "done")
        self.assertEqual(server.serial, "SN-NEW-42")
        self.assertEqual(change.update_ids.old_value, "SN-OLD-1")
        self.assertTrue(change.update_ids.applied)
