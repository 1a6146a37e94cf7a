from odoo import api, fields, models
from odoo.exceptions import UserError


class ItTeam(models.Model):
    _name = "it.team"
    _description = "Service Desk Team"
    _inherit = ["mail.thread", "mail.alias.mixin"]
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    tier = fields.Selection(
        [("1", "Tier 1 (front line)"), ("2", "Tier 2 (back office)"), ("3", "Tier 3 (experts)")],
        required=True,
        default="1",
        tracking=True,
    )
    leader_id = fields.Many2one("res.users", string="Team Lead", tracking=True)
    manager_id = fields.Many2one("res.users", tracking=True)
    member_ids = fields.Many2many("res.users", string="Members")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    ticket_count = fields.Integer(compute="_compute_ticket_count", string="Open Tickets")

    def _compute_ticket_count(self):
        counts = dict(
            self.env["it.ticket"]._read_group(
                [
                    ("team_id", "in", self.ids),
                    ("state", "in", ("new", "in_progress", "dispatched", "waiting")),
                ],
                ["team_id"],
                ["__count"],
            )
        )
        for team in self:
            team.ticket_count = counts.get(team, 0)

    def _alias_get_creation_values(self):
        values = super()._alias_get_creation_values()
        values["alias_model_id"] = self.env["ir.model"]._get_id("it.ticket")
        if self.id:
            values["alias_defaults"] = {
                "team_id": self.id,
                "channel": "email",
                "company_id": self.company_id.id,
            }
        return values

    @api.ondelete(at_uninstall=False)
    def _unlink_except_tickets(self):
        if (
            self.env["it.ticket"]
            .with_context(active_test=False)
            .search_count([("team_id", "in", self.ids)], limit=1)
        ):
            raise UserError(self.env._("Teams with tickets cannot be deleted; archive them."))
