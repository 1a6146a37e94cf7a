from odoo import fields, models


class CareScript(models.Model):
    """A situation staff meet (greeting, lost child, callback...) and what to say in it."""

    _name = "care.script"
    _description = "Care Script"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(
        required=True,
        index=True,
        help="Stable key by which forms find the script of their current situation.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    model_ids = fields.Many2many(
        "ir.model",
        string="Applies To",
        ondelete="cascade",
        help="Models whose forms show this script; empty means any.",
    )
    step_ids = fields.One2many("care.script.step", "script_id", string="Steps", copy=True)
    company_id = fields.Many2one("res.company")

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "A script code must be unique."),
    ]
