from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    it_vip = fields.Boolean(
        string="IT VIP", help="Tickets of this requester are flagged VIP (faster service levels)."
    )
    it_region_id = fields.Many2one("it.region", string="IT Region / City")
