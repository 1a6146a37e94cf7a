from odoo import fields, models


class ItTeam(models.Model):
    _name = "it.team"
    _description = "Service Desk Team"
    _inherit = ["mail.thread"]
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
