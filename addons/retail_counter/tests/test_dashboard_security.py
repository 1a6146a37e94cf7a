from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CounterCase


@tagged("post_install", "-at_install")
class TestDashboardSecurity(CounterCase):
    def tile(self, key):
        return self.env["counter.dashboard.tile"].search([("key", "=", key)])

    def test_tiles_count_open_items_of_own_stores(self):
        tile = self.tile("bags_deposited").with_user(self.staff).with_company(self.store)
        before = tile.count
        self.deposit()
        tile.invalidate_recordset(["count"])
        self.assertEqual(tile.count, before + 1)
        south = self.tile("bags_deposited").with_user(self.south_staff)
        self.assertEqual(south.count, 0)
        action = tile.action_open()
        self.assertEqual(action["res_model"], "counter.bag.deposit")

    def test_every_tile_computes(self):
        tiles = self.env["counter.dashboard.tile"].search([]).with_user(self.staff)
        self.assertGreaterEqual(len(tiles), 9)
        for tile in tiles:
            self.assertGreaterEqual(tile.count, 0)

    def test_finance_sees_no_counter_work(self):
        with self.assertRaises(AccessError):
            self.env["counter.bag.deposit"].with_user(self.finance).search([])
        with self.assertRaises(AccessError):
            self.env["counter.lost.item"].with_user(self.finance).search([])

    def test_staff_no_finance_menus(self):
        menu = self.env.ref("retail_counter.counter_invoice_menu")
        visible = self.env["ir.ui.menu"].with_user(self.staff)._visible_menu_ids()
        self.assertNotIn(menu.id, visible)
        self.assertIn(menu.id, self.env["ir.ui.menu"].with_user(self.finance)._visible_menu_ids())

    def test_other_store_records_hidden(self):
        models = [
            "counter.broadcast",
            "counter.inquiry",
            "counter.incident",
            "counter.receipt",
            "counter.invoice.request",
            "counter.membership.application",
        ]
        for model in models:
            records = self.env[model].with_user(self.south_staff).search([])
            self.assertFalse(records.filtered(lambda r: r.company_id == self.store), model)

    def test_script_shown_on_form(self):
        self.publish_script("bag_deposit", "This is your tag {tag_number}, {customer_name}.")
        bag = self.deposit().with_user(self.staff)
        self.assertIn("This is your tag T01, Ms. Liu.", bag.care_script_html)
