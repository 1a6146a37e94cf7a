from odoo import api, fields, models
from odoo.exceptions import UserError

CATEGORIES = [
    ("food", "Food"),
    ("general", "General Merchandise"),
    ("gift", "Gift Card / Gift"),
    ("meal", "Meal (not sold in store)"),
]
REFUSED = ("gift", "meal")


class CounterReceipt(models.Model):
    """A shopping receipt (購物小票) presented at the counter."""

    _name = "counter.receipt"
    _description = "Shopping Receipt"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Receipt Number", required=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    partner_id = fields.Many2one("res.partner", string="Member", index=True)
    line_ids = fields.One2many("counter.receipt.line", "receipt_id", string="Lines", copy=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_total = fields.Monetary(compute="_compute_amounts", store=True)
    amount_food = fields.Monetary(compute="_compute_amounts", store=True)
    amount_general = fields.Monetary(compute="_compute_amounts", store=True)
    amount_refused = fields.Monetary(
        string="Not Invoiceable", compute="_compute_amounts", store=True
    )
    invoice_move_id = fields.Many2one("account.move", string="Invoice", readonly=True, copy=False)
    invoice_request_id = fields.Many2one(
        "counter.invoice.request", string="Invoiced By", readonly=True, copy=False, index=True
    )
    invoiced = fields.Boolean(compute="_compute_invoiced", store=True)
    company_id = fields.Many2one(
        "res.company", string="Store", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)", "This receipt number already exists."),
    ]

    @api.depends("line_ids.amount", "line_ids.category")
    def _compute_amounts(self):
        for receipt in self:
            sums = dict.fromkeys(("food", "general", "gift", "meal"), 0.0)
            for line in receipt.line_ids:
                sums[line.category] += line.amount
            receipt.amount_total = sum(sums.values())
            receipt.amount_food = sums["food"]
            receipt.amount_general = sums["general"]
            receipt.amount_refused = sums["gift"] + sums["meal"]

    @api.depends("invoice_request_id")
    def _compute_invoiced(self):
        for receipt in self:
            receipt.invoiced = bool(receipt.invoice_request_id)

    @api.model_create_multi
    def create(self, vals_list):
        receipts = super().create(vals_list)
        for receipt in receipts.filtered("partner_id"):
            receipt.partner_id._counter_register_purchase(receipt.date)
        return receipts

    def write(self, vals):
        # once invoiced, a receipt only receives the link to its invoice
        if set(vals) - {"invoice_request_id", "invoice_move_id"} and any(
            receipt.invoiced for receipt in self
        ):
            raise UserError(self.env._("An invoiced receipt cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_invoiced(self):
        if any(receipt.invoiced for receipt in self):
            raise UserError(self.env._("An invoiced receipt is kept with its invoice."))


class CounterReceiptLine(models.Model):
    _name = "counter.receipt.line"
    _description = "Shopping Receipt Line"
    _order = "receipt_id, sequence, id"

    receipt_id = fields.Many2one("counter.receipt", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True)
    category = fields.Selection(CATEGORIES, required=True, default="general")
    currency_id = fields.Many2one(related="receipt_id.currency_id")
    amount = fields.Monetary(required=True)
    company_id = fields.Many2one(related="receipt_id.company_id", store=True)

    @api.model_create_multi
    def create(self, vals_list):
        receipts = self.env["counter.receipt"].browse(
            [vals["receipt_id"] for vals in vals_list if vals.get("receipt_id")]
        )
        if any(receipt.invoiced for receipt in receipts):
            raise UserError(self.env._("An invoiced receipt cannot be changed."))
        return super().create(vals_list)

    def write(self, vals):
        if any(line.receipt_id.invoiced for line in self):
            raise UserError(self.env._("An invoiced receipt cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_invoiced(self):
        if any(line.receipt_id.invoiced for line in self):
            raise UserError(self.env._("An invoiced receipt cannot be changed."))

    @api.constrains("amount")
    def _check_amount(self):
        if any(line.amount <= 0 for line in self):
            raise UserError(self.env._("A receipt line amount must be positive."))
