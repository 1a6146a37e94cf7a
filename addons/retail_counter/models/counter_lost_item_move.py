from odoo import api, fields, models
from odoo.exceptions import UserError

from .counter_lost_item import LOCATIONS

STATES = [
    ("held", "Held"),
    ("claimed", "Claimed"),
    ("returned", "Returned to Sale"),
    ("security", "Handed to Security"),
    ("finance", "Handed to Finance"),
]


class CounterLostItemMove(models.Model):
    """One move of a found item: where it went, when, by whom and why."""

    _name = "counter.lost.item.move"
    _description = "Lost Item Move"
    _order = "date desc, id desc"
    _check_company_auto = True

    item_id = fields.Many2one(
        "counter.lost.item",
        required=True,
        # items themselves cannot be deleted (archived instead): the log only goes with
        # them when the module is uninstalled
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Store",
        compute="_compute_company_id",
        store=True,
        precompute=True,
        index=True,
    )
    date = fields.Datetime(default=fields.Datetime.now, required=True)
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    from_state = fields.Selection(STATES)
    to_state = fields.Selection(STATES, required=True)
    from_location = fields.Selection(LOCATIONS)
    to_location = fields.Selection(LOCATIONS)
    automatic = fields.Boolean(help="Moved by the scheduled action.")
    note = fields.Char()

    @api.depends("item_id.company_id")
    def _compute_company_id(self):
        for move in self:
            move.company_id = move.item_id.company_id

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The move log of found items cannot be deleted."))

    def write(self, vals):
        if set(vals) - {"note"}:
            raise UserError(self.env._("The move log of found items cannot be changed."))
        return super().write(vals)
