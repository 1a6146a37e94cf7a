from odoo import fields, models


class ItSlaPause(models.Model):
    """One pause of an SLA timer, with its reason, for the SLA analysis."""

    _name = "it.sla.pause"
    _description = "SLA Timer Pause"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    line_id = fields.Many2one("it.sla.line", required=True, ondelete="cascade", index=True)
    ticket_id = fields.Many2one(related="line_id.ticket_id", store=True, index=True)
    policy_id = fields.Many2one(related="line_id.policy_id", store=True)
    team_id = fields.Many2one(related="line_id.team_id", string="Team")
    target_type = fields.Selection(related="line_id.target_type", store=True)
    company_id = fields.Many2one(related="line_id.company_id", store=True)
    stage_id = fields.Many2one("it.stage", string="Stage")
    reason = fields.Char(required=True)
    date_start = fields.Datetime(string="Paused", required=True)
    date_end = fields.Datetime(string="Resumed")
    duration_hours = fields.Float(string="Paused (working h)", aggregator="sum")
