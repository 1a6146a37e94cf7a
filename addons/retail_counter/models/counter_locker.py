from odoo import api, fields, models


class CounterLocker(models.Model):
    """A locker of the counter with its pair of tags bearing the same number."""

    _name = "counter.locker"
    _description = "Bag Locker"
    _order = "company_id, tag_number, id"
    _rec_name = "tag_number"
    _check_company_auto = True

    tag_number = fields.Char(
        required=True,
        index=True,
        help="Number printed on both tags of the pair: one goes to the customer, "
        "the other is tied to the bag.",
    )
    location = fields.Char(help="Where the locker is, e.g. 'Counter shelf A'.")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", string="Store", required=True, default=lambda self: self.env.company
    )
    deposit_ids = fields.One2many("counter.bag.deposit", "locker_id", string="Deposits")
    current_deposit_id = fields.Many2one(
        "counter.bag.deposit", compute="_compute_current_deposit_id"
    )
    occupied = fields.Boolean(compute="_compute_current_deposit_id")

    _sql_constraints = [
        (
            "tag_company_uniq",
            "unique(tag_number, company_id)",
            "Each pair of tags has its own number in a store.",
        ),
    ]

    @api.depends("deposit_ids.state")
    def _compute_current_deposit_id(self):
        deposits = self.env["counter.bag.deposit"].search(
            [("locker_id", "in", self.ids), ("state", "in", ("deposited", "left"))]
        )
        by_locker = {deposit.locker_id.id: deposit for deposit in deposits}
        for locker in self:
            deposit = by_locker.get(locker.id, self.env["counter.bag.deposit"])
            locker.current_deposit_id = deposit
            locker.occupied = bool(deposit)
