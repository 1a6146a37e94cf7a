from odoo import fields, models

EVENTS = [
    ("create", "Logged"),
    ("assign", "Reassigned"),
    ("dispatch", "Dispatched to Back Office"),
    ("return", "Returned to Front Line"),
    ("tier", "Tier Changed"),
    ("resolve", "Resolved"),
    ("reopen", "Reopened"),
]


class ItTicketAssignment(models.Model):
    """History of who held a ticket: assignments, dispatches, tiers (first-contact resolution)."""

    _name = "it.ticket.assignment"
    _description = "Ticket Assignment History"
    _order = "date, id"

    ticket_id = fields.Many2one("it.ticket", required=True, ondelete="cascade", index=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True)
    event = fields.Selection(EVENTS, required=True)
    user_id = fields.Many2one("res.users", string="Assignee")
    team_id = fields.Many2one("it.team")
    tier = fields.Selection([("1", "Tier 1"), ("2", "Tier 2"), ("3", "Tier 3")])
    author_id = fields.Many2one("res.users", string="By", default=lambda self: self.env.user)
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
