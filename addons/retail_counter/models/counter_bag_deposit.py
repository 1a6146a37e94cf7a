from odoo import fields, models


class CounterBagDeposit(models.Model):
    """A bag left at the counter's lockers against a paired tag."""

    _name = "counter.bag.deposit"
    _description = "Bag Deposit"
    _inherit = ["mail.thread"]
    _order = "deposit_time desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Tag Number", required=True, index=True, tracking=True)
    partner_id = fields.Many2one("res.partner", string="Customer", tracking=True)
    deposit_time = fields.Datetime(default=fields.Datetime.now, required=True, copy=False)
    state = fields.Selection(
        [("deposited", "Deposited"), ("picked_up", "Picked Up")],
        default="deposited",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", string="Store", required=True, default=lambda self: self.env.company
    )
