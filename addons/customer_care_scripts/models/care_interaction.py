from odoo import api, fields, models


class CareInteraction(models.Model):
    """A simple log of one conversation with a customer, in a chosen situation.

    It is the reference user of ``care.script.mixin``: pick the situation, the form
    shows the filled script and the next step, tick the steps done.
    """

    _name = "care.interaction"
    _description = "Customer Interaction"
    _inherit = ["mail.thread", "care.script.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    situation_id = fields.Many2one(
        "care.script",
        required=True,
        domain="[('state', '=', 'published')]",
        tracking=True,
    )
    partner_id = fields.Many2one("res.partner", string="Customer", tracking=True)
    phone = fields.Char(compute="_compute_contact", store=True, readonly=False)
    address = fields.Char(compute="_compute_contact", store=True, readonly=False)
    card_number = fields.Char()
    user_id = fields.Many2one(
        "res.users",
        string="Staff Member",
        required=True,
        default=lambda self: self.env.user,
        index=True,
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    notes = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("partner_id")
    def _compute_contact(self):
        for interaction in self:
            partner = interaction.partner_id
            interaction.phone = partner.phone or partner.mobile or False
            interaction.address = ", ".join(filter(None, [partner.street, partner.city])) or False

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("care.interaction") or "/"
        return super().create(vals_list)

    # the mixin's contract
    def _care_script_code(self):
        return self.situation_id.code

    def _care_script_values(self):
        return {
            "customer_name": self.partner_id.name,
            "phone": self.phone,
            "address": self.address,
            "card_number": self.card_number,
            "reference": self.name,
            "ticket_ref": self.name,
            "staff_name": self.user_id.name,
            "store_name": self.company_id.name,
        }

    # the script panel follows these fields live on the form
    _care_script_depends = (
        "situation_id",
        "partner_id",
        "phone",
        "address",
        "card_number",
    )
