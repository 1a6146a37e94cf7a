from odoo import fields, models


class ItTicketRedirectWizard(models.TransientModel):
    _name = "it.ticket.redirect.wizard"
    _description = "Redirect a Request Outside IT"

    ticket_ids = fields.Many2many("it.ticket", string="Tickets", required=True)
    reason = fields.Text(required=True, help="Why the request is outside IT scope.")
    destination = fields.Char(
        string="Where to Go", required=True, help="The department, hotline or desk to contact."
    )

    def action_confirm(self):
        self.ensure_one()
        self.ticket_ids.action_redirect(self.reason, self.destination)
        return {"type": "ir.actions.act_window_close"}
