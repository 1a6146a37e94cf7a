from odoo import api, fields, models
from odoo.exceptions import UserError


class ItTicketMergeWizard(models.TransientModel):
    _name = "it.ticket.merge.wizard"
    _description = "Merge Duplicate Tickets"

    ticket_ids = fields.Many2many("it.ticket", string="Tickets", required=True)
    master_id = fields.Many2one(
        "it.ticket",
        string="Keep (Master)",
        required=True,
        domain="[('id', 'in', ticket_ids)]",
    )

    @api.onchange("ticket_ids")
    def _onchange_ticket_ids(self):
        if self.ticket_ids and self.master_id not in self.ticket_ids:
            self.master_id = self.ticket_ids.sorted("id")[:1]

    def action_merge(self):
        self.ensure_one()
        duplicates = self.ticket_ids - self.master_id
        if not duplicates:
            raise UserError(self.env._("Select at least two tickets to merge."))
        duplicates.action_merge_into(self.master_id)
        return {
            "type": "ir.actions.act_window",
            "res_model": "it.ticket",
            "res_id": self.master_id.id,
            "view_mode": "form",
        }
