from odoo import api, fields, models


class ItCi(models.Model):
    """A configuration item: an asset or service the IT centre numbers and tracks."""

    _name = "it.ci"
    _description = "Configuration Item"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "asset_number, id"
    _rec_names_search = ["name", "asset_number", "serial"]
    _check_company_auto = True

    asset_number = fields.Char(readonly=True, copy=False, index=True, default="/")
    name = fields.Char(required=True, tracking=True)
    serial = fields.Char(string="Serial Number", tracking=True, copy=False)
    state = fields.Selection(
        [
            ("in_stock", "In Stock"),
            ("issued", "Issued"),
            ("in_repair", "In Repair"),
            ("retired", "Retired"),
        ],
        default="in_stock",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("asset_number_uniq", "unique(asset_number)", "The asset number must be unique."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("asset_number", "/") == "/":
                vals["asset_number"] = self.env["ir.sequence"].next_by_code("it.ci") or "/"
        return super().create(vals_list)

    @api.depends("asset_number", "name")
    def _compute_display_name(self):
        for ci in self:
            ci.display_name = f"[{ci.asset_number}] {ci.name}" if ci.asset_number else ci.name
