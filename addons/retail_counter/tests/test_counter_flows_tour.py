import io

import openpyxl

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

    def test_itemized_invoice_then_finance_exports_xlsx(self):
        company = self.env.ref("base.main_company")
        shopper = self.env["res.partner"].create({"name": "Tour Shopper Ltd", "vat": "TOURVAT01"})
        Receipt = self.env["counter.receipt"]
        for name, amount in (("TOUR-R1", 120.5), ("TOUR-R2", 80.0)):
            Receipt.create(
                {
                    "name": name,
                    "company_id": company.id,
                    "partner_id": shopper.id,
                    "line_ids": [
                        (0, 0, {"name": "Tour item", "category": "general", "amount": amount})
                    ],
                }
            )
        self.start_tour(
            "/odoo/action-retail_counter.counter_invoice_request_action",
            "retail_counter_invoice_tour",
            login=self.clerk.login,
        )
        request = self.env["counter.invoice.request"].search([("partner_id", "=", shopper.id)])
        self.assertEqual(request.state, "issued")
        self.assertEqual(request.mode, "itemized")
        moves = request.receipt_ids.invoice_move_id
        self.assertEqual(len(moves), 2)
        self.assertEqual(sorted(moves.mapped("amount_total")), [80.0, 120.5])

        # finance downloads the export and finds both invoices with their totals
        new_test_user(
            self.env,
            login="tour_finance",
            password="tour_finance_pw",
            groups="retail_counter.group_counter_finance",
        )
        self.authenticate("tour_finance", "tour_finance_pw")
        response = self.url_open("/retail_counter/invoices.xlsx?date_from=2000-01-01")
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        names = {row[0] for row in rows}
        self.assertTrue(set(moves.mapped("name")) <= names, "both invoices are exported")
        self.assertEqual(rows[-1][0], "Total")
