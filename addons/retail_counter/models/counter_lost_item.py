from odoo import fields, models


class CounterLostItem(models.Model):
    """An item found in the store and kept by the counter until claimed or released."""

    _name = "counter.lost.item"
    _description = "Lost and Found Item"
    _inherit = ["mail.thread"]
    _order = "found_time desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Description", required=True, tracking=True)
    found_time = fields.Datetime(default=fields.Datetime.now, required=True, copy=False)
    state = fields.Selection(
        [("held", "Held"), ("claimed", "Claimed")],
        default="held",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", string="Store", required=True, default=lambda self: self.env.company
    )
