from odoo import api, fields, models


class ItCiLocation(models.Model):
    """Where configuration items stand: a machine room, a floor, a store."""

    _name = "it.ci.location"
    _description = "Configuration Item Location"
    _order = "complete_name"
    _rec_name = "complete_name"
    _parent_store = True
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    parent_id = fields.Many2one(
        "it.ci.location", string="Parent Location", index=True, ondelete="restrict"
    )
    parent_path = fields.Char(index=True)
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    company_id = fields.Many2one("res.company", index=True)
    active = fields.Boolean(default=True)

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for location in self:
            location.complete_name = (
                f"{location.parent_id.complete_name} / {location.name}"
                if location.parent_id
                else location.name
            )
