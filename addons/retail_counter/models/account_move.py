import io
import tempfile

from odoo import api, fields, models
from odoo.tools import SQL

EXPORT_BATCH = 5000


class AccountMove(models.Model):
    _inherit = "account.move"

    counter_request_id = fields.Many2one(
        "counter.invoice.request", readonly=True, copy=False, index=True
    )
    counter_invoice_kind = fields.Selection(
        [("normal", "Ordinary Invoice"), ("vat", "VAT Invoice")],
        string="Counter Invoice Type",
        readonly=True,
        copy=False,
        index=True,
    )
    counter_receipt_refs = fields.Char(string="Receipts", readonly=True, copy=False)

    @api.model
    def _counter_export_xlsx(self, domain):
        """XLSX of the counter invoice lines matching domain, as bytes.

        The invoices are selected through the ORM (access rights and record rules of the
        current user apply); their lines are then streamed with a server-side cursor and
        written with xlsxwriter in constant-memory mode, so 100,000 lines stay small.
        """
        import xlsxwriter  # external dependency declared in the manifest

        self.check_access("read")
        self.env.flush_all()
        query = self._search([("counter_request_id", "!=", False), *domain])
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as tmp:
            workbook = xlsxwriter.Workbook(
                tmp.name, {"constant_memory": True, "tmpdir": tempfile.gettempdir()}
            )
            sheet = workbook.add_worksheet(self.env._("Invoice Lines"))
            bold = workbook.add_format({"bold": True})
            money = workbook.add_format({"num_format": "#,##0.00"})
            money_bold = workbook.add_format({"num_format": "#,##0.00", "bold": True})
            qty = workbook.add_format({"num_format": "#,##0.###"})
            date_fmt = workbook.add_format({"num_format": "yyyy-mm-dd"})
            headers = [
                self.env._("Invoice"),
                self.env._("Date"),
                self.env._("Store"),
                self.env._("Customer"),
                self.env._("Type"),
                self.env._("Receipts"),
                self.env._("Line"),
                self.env._("Quantity"),
                self.env._("Unit Price"),
                self.env._("Amount"),
            ]
            widths = [18, 12, 20, 28, 10, 24, 30, 10, 12, 14]
            for col, (header, width) in enumerate(zip(headers, widths, strict=True)):
                sheet.set_column(col, col, width)
                sheet.write_string(0, col, header, bold)
            kinds = dict(self._fields["counter_invoice_kind"]._description_selection(self.env))
            sql = SQL(
                """
                SELECT m.name, m.invoice_date, c.name, p.name, m.counter_invoice_kind,
                       m.counter_receipt_refs, l.name, l.quantity, l.price_unit,
                       l.price_total
                  FROM account_move_line l
                  JOIN account_move m ON m.id = l.move_id
                  JOIN res_company c ON c.id = m.company_id
             LEFT JOIN res_partner p ON p.id = m.partner_id
                 WHERE l.move_id IN %(moves)s
                   AND l.display_type = 'product'
              ORDER BY m.invoice_date, m.id, l.sequence, l.id
                """,
                moves=query.subselect(),
            )
            row = 0
            total = 0.0
            # Plan the cursor for the whole result (hash joins), not for its first rows:
            # a fast-start plan degrades badly when statistics lag behind a bulk load.
            self.env.cr.execute(SQL("SET LOCAL cursor_tuple_fraction = 1.0"))
            # A named (server-side) cursor streams the rows instead of loading them all.
            with self.env.cr._cnx.cursor(name="counter_invoice_export") as stream:
                stream.itersize = EXPORT_BATCH
                stream.execute(sql.code, sql.params)
                while True:
                    rows = stream.fetchmany(EXPORT_BATCH)
                    if not rows:
                        break
                    for (
                        name,
                        date,
                        store,
                        customer,
                        kind,
                        refs,
                        label,
                        quantity,
                        price,
                        amount,
                    ) in rows:
                        row += 1
                        sheet.write_string(row, 0, name or "")
                        if date:
                            sheet.write_datetime(row, 1, date, date_fmt)
                        sheet.write_string(row, 2, store or "")
                        sheet.write_string(row, 3, customer or "")
                        sheet.write_string(row, 4, kinds.get(kind, ""))
                        sheet.write_string(row, 5, refs or "")
                        sheet.write_string(row, 6, label or "")
                        sheet.write_number(row, 7, quantity or 0.0, qty)
                        sheet.write_number(row, 8, price or 0.0, money)
                        sheet.write_number(row, 9, amount or 0.0, money)
                        total += amount or 0.0
            self.env.cr.execute(SQL("SET LOCAL cursor_tuple_fraction = DEFAULT"))
            row += 1
            sheet.write_string(row, 0, self.env._("Total"), bold)
            if row > 1:
                sheet.write_formula(row, 9, f"=SUM(J2:J{row})", money_bold, total)
            else:
                sheet.write_number(row, 9, 0.0, money_bold)
            workbook.close()
            tmp.seek(0)
            buffer = io.BytesIO(tmp.read())
        return buffer.getvalue(), row - 1
