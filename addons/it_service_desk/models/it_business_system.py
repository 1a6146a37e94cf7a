from odoo import fields, models


class ItBusinessSystem(models.Model):
    """An IT business system the desk supports (CRM, billing, resource management...)."""

    _name = "it.business.system"
    _description = "Business System"
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char(index=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    team_id = fields.Many2one(
        "it.team",
        string="Back-office Team",
        help="Team the work orders of this system are dispatched to by default.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True)

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "A business system code must be unique."),
    ]
