import base64
import contextlib
import csv
import datetime
import io

from odoo import fields, models
from odoo.exceptions import UserError

# accepted column headers (lower case) -> it.ci field
COLUMNS = {
    "asset_number": "asset_number",
    "asset number": "asset_number",
    "name": "name",
    "class": "class",
    "serial": "serial",
    "serial number": "serial",
    "model": "model",
    "vendor": "vendor",
    "location": "location",
    "owner_department": "owner_department",
    "owner department": "owner_department",
    "warranty_end": "warranty_end",
    "warranty end": "warranty_end",
}


class ItCiImportWizard(models.TransientModel):
    """Load an existing asset register (CSV or XLSX): all rows or none."""

    _name = "it.ci.import.wizard"
    _description = "Import an Asset Register"

    file = fields.Binary(required=True)
    filename = fields.Char()
    state = fields.Selection([("draft", "Draft"), ("error", "Errors")], default="draft")
    error_report = fields.Text(readonly=True)
    imported_count = fields.Integer(readonly=True)

    # ------------------------------------------------------------------ reading
    def _read_rows(self):
        """Return (header, rows) with rows as lists of cell values, row numbers from 2."""
        data = base64.b64decode(self.file or b"")
        name = (self.filename or "").lower()
        if name.endswith(".xlsx") or data[:2] == b"PK":
            try:
                import openpyxl
            except ImportError as exc:
                raise UserError(self.env._("Reading XLSX files needs openpyxl.")) from exc
            try:
                workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            except Exception as exc:  # openpyxl raises many kinds of errors on bad files
                raise UserError(self.env._("This is not a readable XLSX file.")) from exc
            rows = [list(row) for row in workbook.active.iter_rows(values_only=True)]
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise UserError(self.env._("The CSV file must be UTF-8 encoded.")) from exc
            dialect = csv.excel
            with contextlib.suppress(csv.Error):
                dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
            rows = list(csv.reader(io.StringIO(text), dialect))
        rows = [row for row in rows if any(cell not in (None, "") for cell in row)]
        if not rows:
            raise UserError(self.env._("The file is empty."))
        header = [str(cell or "").strip().lower() for cell in rows[0]]
        return header, rows[1:]

    @staticmethod
    def _text(value):
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    def _parse_date(self, value):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        return datetime.datetime.strptime(self._text(value), "%Y-%m-%d").date()

    # ------------------------------------------------------------------ validation
    def _validate(self, header, rows):
        """Return (vals_list, errors): errors name every bad row."""
        errors = []
        columns = {}
        for index, title in enumerate(header):
            if title in COLUMNS:
                columns[COLUMNS[title]] = index
            elif title:
                errors.append(self.env._("Unknown column %(column)s.", column=title))
        for required in ("name", "class"):
            if required not in columns:
                errors.append(self.env._("Missing column %(column)s.", column=required))
        if errors:
            return [], errors

        # classes are a short configuration list, matched by code or name below
        classes = self.env["it.ci.class"].search([])  # pylint: disable=no-search-all
        by_key = {}
        for ci_class in classes:
            by_key[ci_class.code.lower()] = ci_class
            by_key[ci_class.name.lower()] = ci_class
        numbers = [
            self._text(row[columns["asset_number"]])
            for row in rows
            if "asset_number" in columns and len(row) > columns["asset_number"]
        ]
        # the asset number is unique across companies and archives: look at all of them
        existing = set(
            self.env["it.ci"]
            .sudo()
            .with_context(active_test=False)
            .search([("asset_number", "in", [n for n in numbers if n])])
            .mapped("asset_number")
        )
        seen = {}
        vals_list = []
        for number, row in enumerate(rows, start=2):

            def cell(key, row=row):
                index = columns.get(key)
                return row[index] if index is not None and index < len(row) else None

            row_errors = []
            name = self._text(cell("name"))
            if not name:
                row_errors.append(self.env._("the name is missing"))
            class_key = self._text(cell("class"))
            ci_class = by_key.get(class_key.lower())
            if not ci_class:
                row_errors.append(self.env._("unknown class %(cls)s", cls=class_key or "''"))
            asset_number = self._text(cell("asset_number"))
            if asset_number:
                if asset_number in existing:
                    row_errors.append(
                        self.env._("asset number %(number)s already exists", number=asset_number)
                    )
                elif asset_number in seen:
                    row_errors.append(
                        self.env._(
                            "asset number %(number)s repeats row %(row)s",
                            number=asset_number,
                            row=seen[asset_number],
                        )
                    )
                else:
                    seen[asset_number] = number
            warranty = cell("warranty_end")
            warranty_date = False
            if warranty not in (None, ""):
                try:
                    warranty_date = self._parse_date(warranty)
                except ValueError:
                    row_errors.append(
                        self.env._(
                            "bad warranty end date %(value)s (expected YYYY-MM-DD)",
                            value=self._text(warranty),
                        )
                    )
            location_name = self._text(cell("location"))
            if row_errors:
                errors.append(
                    self.env._("Row %(row)s: %(errors)s.", row=number, errors="; ".join(row_errors))
                )
                continue
            vals = {
                "name": name,
                "class_id": ci_class.id,
                "serial": self._text(cell("serial")) or False,
                "model": self._text(cell("model")) or False,
                "vendor": self._text(cell("vendor")) or False,
                "owner_department": self._text(cell("owner_department")) or False,
                "warranty_end": warranty_date,
            }
            if asset_number:
                vals["asset_number"] = asset_number
            if location_name:
                vals["location_id"] = location_name
            vals_list.append(vals)
        if not rows:
            errors.append(self.env._("The file has no data rows."))
        return vals_list, errors

    def _resolve_locations(self, vals_list):
        names = {vals["location_id"] for vals in vals_list if vals.get("location_id")}
        Location = self.env["it.ci.location"]
        found = {
            loc.complete_name: loc
            for loc in Location.search([("complete_name", "in", list(names))])
        }
        found.update(
            {
                loc.name: loc
                for loc in Location.search([("name", "in", list(names))])
                if loc.name not in found
            }
        )
        for name in names - set(found):
            found[name] = Location.create({"name": name})
        for vals in vals_list:
            if vals.get("location_id"):
                vals["location_id"] = found[vals["location_id"]].id

    # ------------------------------------------------------------------ action
    def action_import(self):
        self.ensure_one()
        header, rows = self._read_rows()
        vals_list, errors = self._validate(header, rows)
        if errors:
            self.write(
                {
                    "state": "error",
                    "error_report": "\n".join(errors),
                    "imported_count": 0,
                }
            )
            return {
                "type": "ir.actions.act_window",
                "res_model": self._name,
                "res_id": self.id,
                "view_mode": "form",
                "target": "new",
                "name": self.env._("Nothing imported: fix these rows"),
            }
        self._resolve_locations(vals_list)
        cis = self.env["it.ci"].create(vals_list)
        self.imported_count = len(cis)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Imported Items"),
            "res_model": "it.ci",
            "view_mode": "list,form",
            "domain": [("id", "in", cis.ids)],
        }
