from odoo import fields, models


class ItTicketDispatchWizard(models.TransientModel):
    _name = "it.ticket.dispatch.wizard"
    _description = "Dispatch Tickets to Back Office"

    ticket_ids = fields.Many2many("it.ticket", string="Tickets", required=True)
    team_id = fields.Many2one(
        "it.team", string="Back-office Team", required=True, domain=[("tier", "in", ("2", "3"))]
    )
    user_id = fields.Many2one(
        "res.users", string="Engineer", domain="[('id', 'in', team_member_ids)]"
    )
    team_member_ids = fields.Many2many(related="team_id.member_ids")
    note = fields.Text(string="Work Order Notes")

    def action_confirm(self):
        self.ensure_one()
        self.ticket_ids.action_dispatch(team=self.team_id, user=self.user_id, note=self.note)
        return {"type": "ir.actions.act_window_close"}
