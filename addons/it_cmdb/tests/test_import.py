import base64
import io

from odoo.exceptions import AccessError

from .common import CmdbCase


class TestImport(CmdbCase):
    def run_import(self, content, filename="register.csv", user=None):
        wizard = (
            self.env["it.ci.import.wizard"]
            .with_user(user or self.cmdb_manager)
            .create({"file": base64.b64encode(content), "filename": filename})
        )
        return wizard, wizard.action_import()

    def count(self):
        return self.CI.with_context(active_test=False).search_count([])

    def test_good_csv_imports_every_row(self):
        content = (
            b"asset_number,name,class,serial,model,vendor,location,owner_department,warranty_end\n"
            b"IMP-001,Finance laptop,PC,SN1,T14,Lenovo,Imported room,Finance,2027-05-01\n"
            b",Billing DB 2,Database,,,,Imported room,IT,\n"
            b"IMP-003,Edge router,network device,SN3,,,,,\n"
        )
        before = self.count()
        wizard, action = self.run_import(content)
        self.assertEqual(wizard.imported_count, 3)
        self.assertEqual(self.count(), before + 3)
        cis = self.CI.search(action["domain"])
        laptop = cis.filtered(lambda c: c.asset_number == "IMP-001")
        self.assertEqual(laptop.class_id, self.cls_pc)
        self.assertEqual(str(laptop.warranty_end), "2027-05-01")
        self.assertEqual(laptop.location_id.name, "Imported room")
        db = cis.filtered(lambda c: c.name == "Billing DB 2")
        self.assertTrue(db.asset_number.startswith("DB-"))  # numbered by its class
        self.assertEqual(db.location_id, laptop.location_id)  # one location created once
        self.assertEqual(
            cis.filtered(lambda c: c.asset_number == "IMP-003").class_id, self.cls_network
        )

    def test_bad_rows_all_reported_nothing_imported(self):
        self.make_ci("Existing", self.cls_server, asset_number="OLD-1")
        content = (
            b"asset_number,name,class,warranty_end\n"
            b"A-1,Good row,PC,2027-01-01\n"
            b"A-1,Same number,PC,\n"
            b"OLD-1,Already there,Server,\n"
            b"A-4,Strange,Toaster,\n"
            b"A-5,Bad date,PC,31/02/2027\n"
            b"A-6,,PC,\n"
        )
        before = self.count()
        wizard, action = self.run_import(content)
        self.assertEqual(self.count(), before)
        self.assertEqual(wizard.state, "error")
        self.assertEqual(action["res_id"], wizard.id)
        report = wizard.error_report
        self.assertNotIn("Row 2:", report)
        for row, fragment in [
            (3, "repeats row 2"),
            (4, "OLD-1 already exists"),
            (5, "unknown class Toaster"),
            (6, "bad warranty end date 31/02/2027"),
            (7, "name is missing"),
        ]:
            self.assertIn(f"Row {row}:", report)
            self.assertIn(fragment, report)

    def test_missing_and_unknown_columns(self):
        wizard, _action = self.run_import(b"asset,label\nX,Y\n")
        self.assertIn("Unknown column asset", wizard.error_report)
        self.assertIn("Missing column name", wizard.error_report)
        self.assertIn("Missing column class", wizard.error_report)

    def test_xlsx_import(self):
        import openpyxl

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["Asset Number", "Name", "Class", "Warranty End"])
        sheet.append(["X-100", "Reception printer", "PRN", None])
        import datetime

        sheet.append(["X-101", "Web server", "SRV", datetime.datetime(2028, 1, 31)])
        buffer = io.BytesIO()
        workbook.save(buffer)
        wizard, action = self.run_import(buffer.getvalue(), filename="register.xlsx")
        cis = self.CI.search(action["domain"])
        self.assertEqual(sorted(cis.mapped("asset_number")), ["X-100", "X-101"])
        self.assertEqual(
            str(cis.filtered(lambda c: c.asset_number == "X-101").warranty_end), "2028-01-31"
        )

    def test_xlsx_bad_rows(self):
        import openpyxl

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["name", "class", "warranty_end"])
        sheet.append(["Fine", "PC", None])
        sheet.append(["Wrong", "Fridge", "tomorrow"])
        buffer = io.BytesIO()
        workbook.save(buffer)
        before = self.count()
        wizard, _action = self.run_import(buffer.getvalue(), filename="register.xlsx")
        self.assertEqual(self.count(), before)
        self.assertIn("Row 3:", wizard.error_report)
        self.assertIn("unknown class Fridge", wizard.error_report)
        self.assertIn("bad warranty end date tomorrow", wizard.error_report)

    def test_agent_cannot_import(self):
        with self.assertRaises(AccessError):
            self.run_import(b"name,class\nX,PC\n", user=self.agent)
