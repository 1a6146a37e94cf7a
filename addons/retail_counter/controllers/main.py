from werkzeug.exceptions import BadRequest, Forbidden

from odoo import fields, http
from odoo.http import request


class CounterInvoiceExportController(http.Controller):
    @http.route("/retail_counter/invoices.xlsx", type="http", auth="user", methods=["GET"])
    def export_invoices(self, date_from=None, date_to=None, kind=None, store=None, **kwargs):
        """XLSX of the counter invoice lines, for finance only (record rules apply)."""
        if not request.env.user.has_group("retail_counter.group_counter_finance"):
            raise Forbidden(request.env._("Only finance exports invoice records."))
        try:
            wizard_vals = {
                "date_from": fields.Date.to_date(date_from) if date_from else False,
                "date_to": fields.Date.to_date(date_to) if date_to else False,
                "invoice_kind": kind if kind in ("normal", "vat") else False,
            }
        except ValueError as exc:
            raise BadRequest(request.env._("Dates are written YYYY-MM-DD.")) from exc
        if store:
            wizard_vals["company_ids"] = [
                fields.Command.set([int(s) for s in store.split(",") if s.isdigit()])
            ]
        wizard = request.env["counter.invoice.export"].new(wizard_vals)
        data, _count = request.env["account.move"]._counter_export_xlsx(wizard._domain())
        return request.make_response(
            data,
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", 'attachment; filename="counter_invoices.xlsx"'),
            ],
        )
