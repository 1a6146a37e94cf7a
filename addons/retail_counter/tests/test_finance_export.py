import base64
import io

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CounterCase


@tagged("post_install", "-at_install")
class TestFinanceExport(CounterCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Request = cls.env["counter.invoice.request"]
        r1 = cls.receipt(cls, "X1", [("food", 100.0), ("general", 20.5)])
        r2 = cls.receipt(cls, "X2", [("general", 1000.0)])
        cls.req_total = Request.create(
            {
                "partner_id": cls.customer.id,
                "receipt_ids": [(6, 0, r1.ids)],
                "company_id": cls.store.id,
            }
        )
        cls.req_total.action_issue()
        cls.req_items = Request.create(
            {
                "partner_id": cls.customer.id,
                "receipt_ids": [(6, 0, r2.ids)],
                "mode": "itemized",
                "company_id": cls.store.id,
            }
        )
        cls.req_items.action_issue()

    def read_xlsx(self, data):
        sheet = openpyxl.load_workbook(io.BytesIO(data)).active
        return list(sheet.iter_rows(values_only=True)), sheet

    def test_export_content_formats_and_totals(self):
        data, count = (
            self.env["account.move"]
            .with_user(self.finance)
            .with_company(self.store)
            ._counter_export_xlsx([("company_id", "=", self.store.id)])
        )
        self.assertEqual(count, 2)
        rows, sheet = self.read_xlsx(data)
        self.assertEqual(rows[0][0], "Invoice")
        self.assertEqual(len(rows), 4)  # header, two lines, totals
        amounts = sorted(row[9] for row in rows[1:3])
        self.assertEqual(amounts, [120.5, 1000.0])
        self.assertEqual(rows[3][0], "Total")
        self.assertEqual(sheet.cell(row=4, column=10).value, "=SUM(J2:J3)")
        self.assertEqual(sheet.cell(row=2, column=10).number_format, "#,##0.00")
        self.assertEqual(sheet.cell(row=2, column=2).number_format, "yyyy-mm-dd")
        self.assertIsNotNone(rows[1][1])  # a real date cell

    def test_wizard_filters(self):
        wizard = (
            self.env["counter.invoice.export"]
            .with_user(self.finance)
            .create({"amount_min": 500, "company_ids": [(6, 0, self.store.ids)]})
        )
        action = wizard.action_export()
        self.assertIn("/web/content/", action["url"])
        self.assertEqual(wizard.line_count, 1)
        rows, _sheet = self.read_xlsx(base64.b64decode(wizard.file_data))
        self.assertEqual(rows[1][9], 1000.0)

    def test_wizard_bad_dates(self):
        wizard = (
            self.env["counter.invoice.export"]
            .with_user(self.finance)
            .create({"date_from": "2026-05-01", "date_to": "2026-04-01"})
        )
        with self.assertRaises(UserError):
            wizard.action_export()
        self.assertFalse(wizard.file_data)

    def test_staff_cannot_export(self):
        with self.assertRaises(AccessError):
            self.env["counter.invoice.export"].with_user(self.staff).create({})
        with self.assertRaises(AccessError):
            self.env["account.move"].with_user(self.staff)._counter_export_xlsx([])

    def test_finance_of_other_store_sees_nothing(self):
        south_finance = new_test_user(
            self.env,
            login="rc_south_finance",
            groups="retail_counter.group_counter_finance",
            company_id=self.other_store.id,
            company_ids=[(6, 0, self.other_store.ids)],
        )
        _data, count = self.env["account.move"].with_user(south_finance)._counter_export_xlsx([])
        self.assertEqual(count, 0)


@tagged("post_install", "-at_install")
class TestFinanceExportController(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance = new_test_user(
            cls.env,
            login="rc_http_finance",
            password="rc_http_finance_pw",
            groups="retail_counter.group_counter_finance",
            lang="en_US",
        )
        cls.staff = new_test_user(
            cls.env,
            login="rc_http_staff",
            password="rc_http_staff_pw",
            groups="retail_counter.group_counter_staff",
            lang="en_US",
        )

    def test_finance_downloads_xlsx(self):
        self.authenticate("rc_http_finance", "rc_http_finance_pw")
        response = self.url_open("/retail_counter/invoices.xlsx?date_from=2000-01-01&kind=normal")
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        self.assertEqual(sheet.cell(row=1, column=1).value, "Invoice")

    def test_staff_forbidden(self):
        self.authenticate("rc_http_staff", "rc_http_staff_pw")
        response = self.url_open("/retail_counter/invoices.xlsx")
        self.assertEqual(response.status_code, 403)

    def test_bad_date(self):
        self.authenticate("rc_http_finance", "rc_http_finance_pw")
        response = self.url_open("/retail_counter/invoices.xlsx?date_from=yesterday")
        self.assertEqual(response.status_code, 400)
