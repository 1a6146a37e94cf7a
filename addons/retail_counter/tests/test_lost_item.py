import base64
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CounterCase

SIGNATURE = base64.b64encode(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


@tagged("post_install", "-at_install")
class TestLostItem(CounterCase):
    def item(self, kind, found_time=None, user=None, **vals):
        values = {"name": f"Found {kind}", "kind": kind, "company_id": self.store.id}
        if found_time:
            values["found_time"] = found_time
        values.update(vals)
        return self.as_user("counter.lost.item", user or self.staff).create(values)

    def test_register_sets_location_deadline_and_logs(self):
        now = fields.Datetime.now()
        cases = {
            "fresh": ("freezer", 1),
            "goods": ("counter", 2),
            "valuable": ("safe", 5),
            "other": ("counter", 7),
        }
        for kind, (location, days) in cases.items():
            item = self.item(kind, found_time=now)
            self.assertEqual(item.location, location)
            self.assertEqual(item.retention_deadline, now + timedelta(days=days))
            self.assertEqual(len(item.move_ids), 1)
            self.assertEqual(item.move_ids.to_state, "held")
            self.assertTrue(item.reference.startswith("LF/"))

    def test_cron_moves_items_and_logs_every_move(self):
        with freeze_time("2026-05-10 09:00:00"):
            fresh = self.item("fresh")
            goods = self.item("goods")
            cash = self.item("valuable", value=500)
            other = self.item("other")
        Item = self.env["counter.lost.item"]
        with freeze_time("2026-05-11 10:00:00"):
            Item._cron_apply_retention()
        self.assertEqual(fresh.state, "returned")
        self.assertEqual(fresh.location, "sales_floor")
        self.assertEqual((goods | cash | other).mapped("state"), ["held"] * 3)
        with freeze_time("2026-05-12 10:00:00"):
            Item._cron_apply_retention()
        self.assertEqual(goods.state, "returned")
        self.assertTrue(goods.needs_signoff)
        self.assertEqual(cash.state, "held")
        self.assertEqual(cash.location, "safe")
        with freeze_time("2026-05-15 10:00:00"):
            Item._cron_apply_retention()
        self.assertEqual((cash.state, cash.location), ("finance", "finance"))
        with freeze_time("2026-05-17 10:00:00"):
            Item._cron_apply_retention()
            # idempotent: nothing more to move
            self.assertEqual(Item._cron_apply_retention(), 0)
        self.assertEqual((other.state, other.location), ("security", "security"))
        for item, to_state in (
            (fresh, "returned"),
            (goods, "returned"),
            (cash, "finance"),
            (other, "security"),
        ):
            moves = item.move_ids.sorted("id")
            self.assertEqual(moves.mapped("to_state"), ["held", to_state])
            self.assertTrue(moves[-1].automatic)
            self.assertEqual(moves[-1].from_state, "held")
            self.assertEqual(moves[-1].company_id, self.store)

    def test_cron_leaves_claimed_and_archived_items(self):
        with freeze_time("2026-05-10 09:00:00"):
            archived = self.item("fresh")
            archived.active = False
        with freeze_time("2026-05-20 10:00:00"):
            self.env["counter.lost.item"]._cron_apply_retention()
        self.assertEqual(archived.state, "held")

    def test_sign_off_by_supervisor_only(self):
        item = self.item("goods", found_time=fields.Datetime.now() - timedelta(days=3))
        self.env["counter.lost.item"]._cron_apply_retention()
        self.assertTrue(item.needs_signoff)
        self.assertIn(item, self.env["counter.lost.item"].search([("needs_signoff", "=", True)]))
        with self.assertRaises(UserError):
            item.with_user(self.staff).action_sign_off()
        item.with_user(self.supervisor).action_sign_off()
        self.assertEqual(item.signoff_user_id, self.supervisor)
        self.assertFalse(item.needs_signoff)
        with self.assertRaises(UserError):
            item.with_user(self.supervisor).action_sign_off()

    def claim(self, item, **vals):
        values = {
            "item_id": item.id,
            "claimant_name": "Mr. Li",
            "description": "Black umbrella, wooden handle",
            "document_number": "110105198001011234",
            "signature": SIGNATURE,
        }
        values.update(vals)
        return self.env["counter.lost.item.claim"].with_user(self.staff).create(values)

    def test_claim_needs_description_document_signature(self):
        item = self.item("other")
        for missing in ("description", "document_number", "signature"):
            with self.assertRaises(UserError):
                self.claim(item, **{missing: False}).action_confirm()
            self.assertEqual(item.state, "held")
        self.claim(item).action_confirm()
        self.assertEqual(item.state, "claimed")
        self.assertEqual(item.location, "owner")
        self.assertTrue(item.claim_document.endswith("1234"))
        self.assertNotIn("19800101", item.claim_document)
        self.assertTrue(item.claim_signature)
        self.assertEqual(item.move_ids.sorted("id")[-1].to_state, "claimed")

    def test_claim_after_return_to_sale_needs_receipt(self):
        item = self.item("goods", found_time=fields.Datetime.now() - timedelta(days=3))
        self.env["counter.lost.item"]._cron_apply_retention()
        with self.assertRaises(UserError):
            self.claim(item).action_confirm()
        self.claim(item, receipt="R-0001-0458").action_confirm()
        self.assertEqual(item.state, "claimed")
        self.assertEqual(item.claim_receipt, "R-0001-0458")

    def test_claim_refused_once_at_finance(self):
        item = self.item("valuable", found_time=fields.Datetime.now() - timedelta(days=6))
        self.env["counter.lost.item"]._cron_apply_retention()
        with self.assertRaises(UserError):
            self.claim(item).action_confirm()
        self.assertEqual(item.state, "finance")

    def test_pa_search_request(self):
        item = self.item("other")
        action = item.with_user(self.staff).action_request_broadcast()
        broadcast = self.env["counter.broadcast"].browse(action["res_id"])
        self.assertEqual(broadcast.broadcast_type, "item_search")
        self.assertEqual(item.broadcast_ids, broadcast)
        self.assertIn(item.name, broadcast.content)

    def test_release_now_by_supervisor(self):
        item = self.item("other")
        with self.assertRaises(AccessError):
            item.with_user(self.staff).action_release_now()
        item.with_user(self.supervisor).action_release_now()
        self.assertEqual(item.state, "security")
        with self.assertRaises(UserError):
            item.with_user(self.supervisor).action_release_now()

    def test_nothing_disappears(self):
        item = self.item("fresh")
        with self.assertRaises(UserError):
            item.unlink()
        with self.assertRaises(UserError):
            item.move_ids.unlink()
        with self.assertRaises(UserError):
            item.move_ids.write({"to_state": "claimed"})
        self.assertEqual(item.move_ids.to_state, "held")

    def test_other_store_cannot_read_items(self):
        item = self.item("fresh")
        self.assertFalse(
            self.env["counter.lost.item"].with_user(self.south_staff).search([("id", "=", item.id)])
        )
