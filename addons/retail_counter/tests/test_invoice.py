from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CounterCase


@tagged("post_install", "-at_install")
class TestInvoice(CounterCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_member = cls.env["res.partner"].create(
            {
                "name": "Sunrise Trading",
                "is_company": True,
                "counter_card_number": "88001234",
                "counter_business_licence": "91110105MA01ABCD2X",
                "counter_legal_representative": "Zhang Wei",
            }
        )

    def request(self, receipts, **vals):
        values = {
            "partner_id": self.customer.id,
            "receipt_ids": [(6, 0, receipts.ids)],
            "company_id": self.store.id,
        }
        values.update(vals)
        return self.as_user("counter.invoice.request", self.staff).create(values)

    def moves(self, request):
        return self.env["account.move"].search([("counter_request_id", "=", request.id)])

    def test_total_invoice_named_by_larger_share(self):
        r1 = self.receipt("R1", [("food", 80.0), ("general", 30.0)])
        r2 = self.receipt("R2", [("general", 20.0), ("food", 5.0)])
        request = self.request(r1 | r2)
        self.assertEqual(request.suggested_naming, "food")
        self.assertEqual(request.naming, "food")
        request.with_user(self.staff).action_issue()
        moves = self.moves(request)
        self.assertEqual(len(moves), 1)
        self.assertEqual(moves.move_type, "out_invoice")
        self.assertEqual(moves.state, "posted")
        self.assertEqual(moves.amount_total, 135.0)
        self.assertEqual(moves.invoice_line_ids.name, "Food")
        self.assertEqual(moves.counter_receipt_refs, "R1, R2")
        self.assertEqual(moves.company_id, self.store)
        self.assertEqual(request.state, "issued")
        self.assertTrue(all((r1 | r2).mapped("invoiced")))
        self.assertEqual(r1.invoice_move_id, moves)

    def test_general_merchandise_name(self):
        request = self.request(self.receipt("R1", [("food", 10.0), ("general", 90.0)]))
        request.action_issue()
        self.assertEqual(self.moves(request).invoice_line_ids.name, "General Merchandise")

    def test_equal_shares_ask_the_customer(self):
        request = self.request(self.receipt("R1", [("food", 50.0), ("general", 50.0)]))
        self.assertEqual(request.suggested_naming, "ask")
        self.assertFalse(request.naming)
        with self.assertRaises(UserError):
            request.action_issue()
        self.assertFalse(self.moves(request))
        self.assertFalse(request.receipt_ids.invoiced)
        request.naming = "general"
        request.action_issue()
        self.assertEqual(self.moves(request).invoice_line_ids.name, "General Merchandise")

    def test_itemized_one_invoice_per_receipt(self):
        r1 = self.receipt("R1", [("food", 10.0), ("general", 20.0)])
        r2 = self.receipt("R2", [("general", 7.5)])
        request = self.request(r1 | r2, mode="itemized")
        request.action_issue()
        moves = self.moves(request)
        self.assertEqual(len(moves), 2)
        self.assertEqual(sorted(moves.mapped("amount_total")), [7.5, 30.0])
        self.assertEqual(r1.invoice_move_id.counter_receipt_refs, "R1")
        self.assertEqual(len(r1.invoice_move_id.invoice_line_ids), 2)

    def test_gifts_and_meals_refused(self):
        receipt = self.receipt("R1", [("food", 40.0), ("gift", 200.0), ("meal", 60.0)])
        request = self.request(receipt)
        self.assertTrue(request.has_refused_items)
        self.assertEqual(request.amount_refused, 260.0)
        self.assertEqual(request._care_script_code(), "invoice_refused")
        request.action_issue()
        self.assertEqual(self.moves(request).amount_total, 40.0)

    def test_only_gifts_nothing_to_invoice(self):
        request = self.request(self.receipt("R1", [("gift", 100.0)]))
        with self.assertRaises(UserError):
            request.action_issue()
        self.assertEqual(request.state, "draft")
        self.assertFalse(self.moves(request))

    def test_duplicate_invoicing_refused(self):
        receipt = self.receipt("R1", [("food", 10.0)])
        self.request(receipt).action_issue()
        second = self.request(receipt)
        with self.assertRaises(UserError):
            second.action_issue()
        self.assertEqual(second.state, "draft")
        self.assertFalse(self.moves(second))
        # and the same request cannot issue twice
        first = receipt.invoice_request_id
        with self.assertRaises(UserError):
            first.action_issue()
        self.assertEqual(len(self.moves(first)), 1)

    def test_empty_request(self):
        request = self.as_user("counter.invoice.request", self.staff).create(
            {"partner_id": self.customer.id, "company_id": self.store.id}
        )
        with self.assertRaises(UserError):
            request.action_issue()

    def test_vat_only_for_company_members(self):
        request = self.request(self.receipt("R1", [("food", 10.0)]), invoice_kind="vat")
        self.assertEqual(request._care_script_code(), "vat_invoice")
        with self.assertRaises(UserError):
            request.action_issue()
        self.assertFalse(self.moves(request))
        request.partner_id = self.company_member
        request.action_issue()
        self.assertEqual(self.moves(request).counter_invoice_kind, "vat")

    @freeze_time("2026-04-03 10:00:00")
    def test_past_month_vat_needs_accounting_approval(self):
        receipt = self.receipt("R1", [("general", 300.0)], date=date(2026, 3, 28))
        request = self.request(receipt, invoice_kind="vat", partner_id=self.company_member.id)
        self.assertTrue(request.needs_approval)
        self.assertEqual(request._care_script_code(), "vat_invoice_cross_month")
        with self.assertRaises(UserError):
            request.with_user(self.staff).action_issue()
        self.assertFalse(self.moves(request))
        request.with_user(self.staff).action_request_approval()
        self.assertEqual(request.state, "waiting")
        self.assertIn(self.finance, request.activity_ids.user_id)
        self.assertNotIn(self.staff, request.activity_ids.user_id)
        with self.assertRaises(UserError):
            request.with_user(self.staff).action_issue()
        with self.assertRaises(AccessError):
            request.with_user(self.staff).action_approve()
        self.assertEqual(request.state, "waiting")
        request.with_user(self.finance).action_approve()
        self.assertEqual(request.state, "approved")
        self.assertFalse(request.activity_ids)
        request.with_user(self.staff).action_issue()
        self.assertEqual(self.moves(request).amount_total, 300.0)

    @freeze_time("2026-04-03 10:00:00")
    def test_past_month_vat_refused_with_reason(self):
        receipt = self.receipt("R1", [("general", 300.0)], date=date(2026, 3, 28))
        request = self.request(receipt, invoice_kind="vat", partner_id=self.company_member.id)
        request.action_request_approval()
        with self.assertRaises(UserError):
            request.with_user(self.finance).action_refuse()  # no reason
        request.refusal_reason = "the month is closed"
        request.with_user(self.finance).action_refuse()
        self.assertEqual(request.state, "refused")
        self.assertIn("the month is closed", request._care_script_values()["refusal_reason"])
        with self.assertRaises(UserError):
            request.action_issue()

    def test_same_month_vat_needs_no_approval(self):
        request = self.request(
            self.receipt("R1", [("general", 10.0)]),
            invoice_kind="vat",
            partner_id=self.company_member.id,
        )
        self.assertFalse(request.needs_approval)
        with self.assertRaises(UserError):
            request.action_request_approval()

    def test_staff_cannot_read_invoices(self):
        request = self.request(self.receipt("R1", [("food", 10.0)]))
        request.with_user(self.staff).action_issue()
        move = self.moves(request)
        with self.assertRaises(AccessError):
            move.with_user(self.staff).read(["name"])
        self.assertEqual(move.with_user(self.finance).read(["name"])[0]["name"], move.name)
        self.assertEqual(request.with_user(self.staff).move_count, 1)

    def test_invoiced_receipt_and_request_kept(self):
        receipt = self.receipt("R1", [("food", 10.0)])
        request = self.request(receipt)
        request.action_issue()
        with self.assertRaises(UserError):
            receipt.unlink()
        with self.assertRaises(UserError):
            request.unlink()

    def test_invoiced_receipt_frozen(self):
        receipt = self.receipt("R1", [("food", 10.0)])
        self.request(receipt).action_issue()
        line = receipt.line_ids
        for call, args in (
            (line.with_user(self.staff).write, [{"amount": 99.0}]),
            (line.with_user(self.staff).unlink, []),
            (receipt.with_user(self.staff).write, [{"date": "2020-01-01"}]),
            (
                self.env["counter.receipt.line"].with_user(self.staff).create,
                [{"receipt_id": receipt.id, "name": "Extra", "amount": 5.0}],
            ),
        ):
            with self.assertRaises(UserError):
                call(*args)
        self.assertEqual(line.amount, 10.0)
        self.assertEqual(len(receipt.line_ids), 1)
        request = receipt.invoice_request_id
        with self.assertRaises(UserError):
            request.with_user(self.staff).write({"receipt_ids": [(5, 0, 0)]})
        self.assertEqual(request.receipt_ids, receipt)

    def test_receipt_number_unique_per_store(self):
        from psycopg2 import IntegrityError

        from odoo.tools import mute_logger

        self.receipt("R1", [("food", 1.0)])
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.receipt("R1", [("food", 1.0)])

    def test_negative_line_refused(self):
        with self.assertRaises(UserError):
            self.receipt("R1", [("food", -5.0)])
