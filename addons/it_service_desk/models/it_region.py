from odoo import fields, models


class ItRegion(models.Model):
    """A city or region served by the desk (the seed's hotline serves 21 cities)."""

    _name = "it.region"
    _description = "Region / City"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(index=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True)

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "A region code must be unique."),
    ]
