from datetime import datetime, time

from odoo import api, fields, models

TILES = {
    # key: (model, domain builder)
    "bags_deposited": ("counter.bag.deposit", lambda today: [("state", "=", "deposited")]),
    "bags_held": ("counter.bag.deposit", lambda today: [("state", "=", "left")]),
    "items_held": ("counter.lost.item", lambda today: [("state", "=", "held")]),
    "items_signoff": ("counter.lost.item", lambda today: [("needs_signoff", "=", True)]),
    "pending_claims": (
        "counter.mailer.claim",
        lambda today: [("state", "in", ("new", "tracking"))],
    ),
    "callbacks_due": (
        "counter.membership.application",
        lambda today: [
            ("partner_id.counter_phone_verification", "=", "pending"),
            ("verification_due", "<=", today),
        ],
    ),
    "open_logs": ("counter.incident", lambda today: [("state", "!=", "resolved")]),
    "open_inquiries": ("counter.inquiry", lambda today: [("state", "=", "open")]),
    "broadcasts_today": (
        "counter.broadcast",
        lambda today: [
            ("state", "=", "scheduled"),
            ("scheduled_time", "<", datetime.combine(today, time.max)),
        ],
    ),
}


class CounterDashboardTile(models.Model):
    """A tile of the counter dashboard: how many of today's items are open."""

    _name = "counter.dashboard.tile"
    _description = "Counter Dashboard Tile"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    key = fields.Selection(
        [
            ("bags_deposited", "Bags in Lockers"),
            ("bags_held", "Bags Left at Closing"),
            ("items_held", "Items in Retention"),
            ("items_signoff", "Returned to Sale: Sign-off"),
            ("pending_claims", "Pending Mailer Claims"),
            ("callbacks_due", "Verification Callbacks Due"),
            ("open_logs", "Open Complaints and Logs"),
            ("open_inquiries", "Open Inquiries"),
            ("broadcasts_today", "Broadcasts to Play"),
        ],
        required=True,
    )
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    count = fields.Integer(compute="_compute_count")

    _sql_constraints = [("key_uniq", "unique(key)", "One tile per key.")]

    def _domain(self):
        self.ensure_one()
        model, builder = TILES[self.key]
        return model, builder(fields.Date.context_today(self))

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_count(self):
        for tile in self:
            model, domain = tile._domain()
            records = self.env[model]
            tile.count = records.search_count(domain) if records.has_access("read") else 0

    def action_open(self):
        self.ensure_one()
        model, domain = self._domain()
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": domain,
        }
