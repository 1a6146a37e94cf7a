import base64

from odoo import fields, models
from odoo.exceptions import UserError


class CounterInvoiceExport(models.TransientModel):
    """Finance exports the counter invoice lines to XLSX."""

    _name = "counter.invoice.export"
    _description = "Export Counter Invoices"

    date_from = fields.Date()
    date_to = fields.Date()
    company_ids = fields.Many2many("res.company", string="Stores")
    invoice_kind = fields.Selection(
        [("normal", "Ordinary Invoice"), ("vat", "VAT Invoice")], string="Type"
    )
    partner_id = fields.Many2one("res.partner", string="Member")
    amount_min = fields.Float(string="Amount From")
    amount_max = fields.Float(string="Amount To")
    file_data = fields.Binary(readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)
    line_count = fields.Integer(readonly=True)

    def _domain(self):
        self.ensure_one()
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UserError(self.env._("The start date is after the end date."))
        domain = [("state", "=", "posted")]
        if self.date_from:
            domain.append(("invoice_date", ">=", self.date_from))
        if self.date_to:
            domain.append(("invoice_date", "<=", self.date_to))
        if self.company_ids:
            domain.append(("company_id", "in", self.company_ids.ids))
        if self.invoice_kind:
            domain.append(("counter_invoice_kind", "=", self.invoice_kind))
        if self.partner_id:
            domain.append(("partner_id", "=", self.partner_id.id))
        if self.amount_min:
            domain.append(("amount_total", ">=", self.amount_min))
        if self.amount_max:
            domain.append(("amount_total", "<=", self.amount_max))
        return domain

    def action_export(self):
        self.ensure_one()
        data, count = self.env["account.move"]._counter_export_xlsx(self._domain())
        self.write(
            {
                "file_data": base64.b64encode(data),
                "file_name": f"counter_invoices_{fields.Date.context_today(self)}.xlsx",
                "line_count": count,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/?model=counter.invoice.export&id={self.id}&field=file_data"
            "&filename_field=file_name&download=true",
            "target": "self",
        }
