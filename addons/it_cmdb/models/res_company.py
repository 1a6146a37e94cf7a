from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    it_change_board_ids = fields.Many2many(
        "res.users",
        "res_company_it_change_board_rel",
        "company_id",
        "user_id",
        string="Change Board",
        help="Proposed as approvers of every new normal change of the company.",
    )
