from odoo import api, fields, models


class ItCategory(models.Model):
    """What a ticket is about (password reset, billing error, printer...)."""

    _name = "it.category"
    _description = "Ticket Category"
    _order = "complete_name, id"
    _rec_name = "complete_name"
    _parent_store = True
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    parent_id = fields.Many2one(
        "it.category", string="Parent Category", index=True, ondelete="restrict"
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("it.category", "parent_id", string="Subcategories")
    team_id = fields.Many2one(
        "it.team",
        string="Default Team",
        help="Team proposed on new tickets of this category.",
    )
    outside_it = fields.Boolean(
        string="Outside IT Scope",
        help="Requests of this category are redirected elsewhere (非IT訴求引導).",
    )
    redirect_destination = fields.Char(
        translate=True, help="Where requesters of this category should go instead."
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True)

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for category in self:
            if category.parent_id:
                category.complete_name = f"{category.parent_id.complete_name} / {category.name}"
            else:
                category.complete_name = category.name
