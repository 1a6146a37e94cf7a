from odoo import fields, models

from ..models.res_partner import mask


class CounterLostItemClaim(models.TransientModel):
    """A customer claims a found item: description, identity document, signature."""

    _name = "counter.lost.item.claim"
    _description = "Lost Item Claim"

    item_id = fields.Many2one("counter.lost.item", required=True)
    partner_id = fields.Many2one("res.partner", string="Customer")
    claimant_name = fields.Char(string="Name")
    description = fields.Text(string="What the Customer Describes")
    document_type = fields.Selection(
        [("id_card", "Identity Card"), ("passport", "Passport"), ("other", "Other")],
        default="id_card",
    )
    document_number = fields.Char(help="Only its last digits are kept.")
    receipt = fields.Char(string="Shopping Receipt", help="Needed once the item went back on sale.")
    signature = fields.Binary()
    item_state = fields.Selection(related="item_id.state")

    def action_confirm(self):
        self.ensure_one()
        types = dict(self._fields["document_type"]._description_selection(self.env))
        document = self.document_number and "{} {}".format(
            types.get(self.document_type, ""), mask(self.document_number)
        )
        self.item_id._do_claim(
            {
                "claimant_partner_id": self.partner_id.id,
                "claimant_name": self.claimant_name or self.partner_id.name,
                "claim_description": self.description,
                "claim_document": document,
                "claim_receipt": self.receipt,
                "claim_signature": self.signature,
            }
        )
        self.write({"document_number": False})
        return {"type": "ir.actions.act_window_close"}
