"""retail_counter with two connections at once: two clerks invoicing the same shopping
receipt, and two workers of the retention scheduled action.

The rows must be committed for a second connection to see them, so these tests commit
their own fixtures through separate registry cursors and remove them at the end.
"""

from datetime import timedelta

import psycopg2

from odoo import api, fields
from odoo.exceptions import UserError
from odoo.tools import SQL, mute_logger

from .common import SuiteTransactionCase


class TestCounterConcurrency(SuiteTransactionCase):
    def setUp(self):
        super().setUp()
        if "counter.lost.item" not in self.env:
            self.skipTest("retail_counter is not installed")
        self.created = {}
        self.addCleanup(self._cleanup)

    def _env(self, cr):
        return api.Environment(cr, api.SUPERUSER_ID, {"tracking_disable": True})

    def _cleanup(self):
        with self.registry.cursor() as cr:
            for table, ids in (
                ("account_move", self.created.get("moves", [])),
                ("counter_receipt", self.created.get("receipts", [])),
                ("counter_invoice_request", self.created.get("requests", [])),
                ("counter_lost_item_move", self.created.get("item_moves", [])),
                ("counter_lost_item", self.created.get("items", [])),
            ):
                if ids:
                    cr.execute(
                        SQL("DELETE FROM %s WHERE id IN %s", SQL.identifier(table), tuple(ids))
                    )

    def test_two_clerks_cannot_invoice_one_receipt_twice(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            customer = env.ref("base.res_partner_12")
            receipt = env["counter.receipt"].create(
                {
                    "name": "CONCURRENT-RECEIPT-1",
                    "line_ids": [(0, 0, {"name": "Rice", "category": "food", "amount": 50.0})],
                }
            )
            requests = env["counter.invoice.request"].create(
                [{"partner_id": customer.id, "receipt_ids": [(6, 0, receipt.ids)]}] * 2
            )
            self.created.update(receipts=receipt.ids, requests=requests.ids)
        first_id, second_id = self.created["requests"]
        cr_a = self.registry.cursor()
        cr_b = self.registry.cursor()
        try:
            env_a, env_b = self._env(cr_a), self._env(cr_b)
            # clerk A issues (and holds the receipt) while clerk B tries the same receipt
            env_a["counter.invoice.request"].browse(first_id).action_issue()
            cr_b.execute(SQL("SET LOCAL lock_timeout = '500ms'"))
            with self.assertRaises(psycopg2.errors.LockNotAvailable), mute_logger("odoo.sql_db"):
                env_b["counter.invoice.request"].browse(second_id).action_issue()
            cr_b.rollback()
            cr_a.commit()
            # B tries again once A is done: the receipt is already invoiced
            env_b.invalidate_all()
            with self.assertRaises(UserError):
                env_b["counter.invoice.request"].browse(second_id).action_issue()
            cr_b.rollback()
        finally:
            cr_a.close()
            cr_b.close()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            moves = env["account.move"].search(
                [("counter_request_id", "in", self.created["requests"])]
            )
            self.created["moves"] = moves.ids
            self.assertEqual(len(moves), 1)
            self.assertEqual(moves.counter_request_id.id, first_id)
            self.assertEqual(env["counter.invoice.request"].browse(second_id).state, "draft")

    def test_two_retention_workers_move_each_item_once(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            found = fields.Datetime.now() - timedelta(days=10)
            items = env["counter.lost.item"].create(
                [
                    {"name": f"Concurrent item {i}", "kind": "fresh", "found_time": found}
                    for i in range(20)
                ]
            )
            self.created["items"] = items.ids
            self.created["item_moves"] = items.move_ids.ids
        cr_a = self.registry.cursor()
        cr_b = self.registry.cursor()
        try:
            env_a, env_b = self._env(cr_a), self._env(cr_b)
            moved_a = env_a["counter.lost.item"]._cron_apply_retention()
            self.assertGreaterEqual(moved_a, 20)
            # worker B skips the rows worker A holds instead of waiting or moving them again
            cr_b.execute(SQL("SET LOCAL lock_timeout = '2s'"))
            env_b["counter.lost.item"]._cron_apply_retention()
            cr_b.execute(
                SQL(
                    "SELECT count(*) FROM counter_lost_item_move WHERE automatic AND item_id IN %s",
                    tuple(self.created["items"]),
                )
            )
            self.assertEqual(cr_b.fetchone()[0], 0)
            cr_b.commit()
            cr_a.commit()
        finally:
            cr_a.close()
            cr_b.close()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            items = env["counter.lost.item"].browse(self.created["items"])
            self.created["item_moves"] = items.move_ids.ids
            self.assertEqual(set(items.mapped("state")), {"returned"})
            for item in items:
                self.assertEqual(len(item.move_ids.filtered("automatic")), 1)
