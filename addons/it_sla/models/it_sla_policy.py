from odoo import fields, models


class ItSlaPolicy(models.Model):
    """A service-level target set: which tickets it covers and how fast they are served."""

    _name = "it.sla.policy"
    _description = "SLA Policy"
    _inherit = ["mail.thread"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Time",
        required=True,
        tracking=True,
        check_company=True,
        help="Deadlines count only the working time of this calendar (24x7 is a calendar too).",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
