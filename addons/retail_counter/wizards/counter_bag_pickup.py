from odoo import fields, models

from ..models.res_partner import mask


class CounterBagPickup(models.TransientModel):
    """Hand a bag back: against its tag, or with the lost-tag form (存包牌遺失登記表)."""

    _name = "counter.bag.pickup"
    _description = "Bag Pick-up"

    deposit_id = fields.Many2one("counter.bag.deposit", required=True)
    presented_tag = fields.Char(string="Tag Shown by Customer")
    lost_tag = fields.Boolean(string="Customer Lost the Tag")
    document_type = fields.Selection(
        [("id_card", "Identity Card"), ("passport", "Passport"), ("other", "Other")],
        default="id_card",
    )
    document_number = fields.Char(help="Only its last digits are kept.")
    description = fields.Text(string="Customer's Description of the Bag")
    bag_description = fields.Char(related="deposit_id.bag_description")
    manager_id = fields.Many2one(
        "res.users",
        string="Supervisor / Duty Manager Present",
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("retail_counter.group_counter_supervisor").ids)
        ],
    )

    def action_confirm(self):
        self.ensure_one()
        if self.lost_tag:
            types = dict(self._fields["document_type"]._description_selection(self.env))
            document = self.document_number and "{} {}".format(
                types.get(self.document_type, ""), mask(self.document_number)
            )
            self.deposit_id.action_pick_up_lost_tag(document, self.description, self.manager_id)
        else:
            self.deposit_id.action_pick_up(self.presented_tag)
        # the full document number is not kept, even in the wizard's table
        self.write({"document_number": False})
        return {"type": "ir.actions.act_window_close"}
