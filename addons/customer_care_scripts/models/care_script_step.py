from odoo import fields, models


class CareScriptStep(models.Model):
    _name = "care.script.step"
    _description = "Care Script Step"
    _order = "script_id, sequence, id"

    script_id = fields.Many2one("care.script", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    text = fields.Text(
        required=True,
        translate=True,
        help="The phrase to say. Placeholders such as {customer_name} are filled from the record.",
    )
