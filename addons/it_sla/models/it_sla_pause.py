from odoo import fields, models

from .it_sla_line import TARGET_TYPES


class ItSlaPause(models.Model):
    """One pause of an SLA timer, with its reason, for the SLA analysis."""

    _name = "it.sla.pause"
    _description = "SLA Timer Pause"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    line_id = fields.Many2one("it.sla.line", required=True, ondelete="cascade", index=True)
    # copied from the timer at creation (not related: one INSERT, no follow-up UPDATE)
    ticket_id = fields.Many2one("it.ticket", index=True, readonly=True, ondelete="cascade")
    policy_id = fields.Many2one("it.sla.policy", readonly=True, ondelete="cascade")
    target_type = fields.Selection(TARGET_TYPES, string="Target", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    team_id = fields.Many2one(related="line_id.team_id", string="Team")
    stage_id = fields.Many2one("it.stage")
    reason = fields.Char(required=True)
    date_start = fields.Datetime(string="Paused", required=True)
    date_end = fields.Datetime(string="Resumed")
    duration_hours = fields.Float(string="Paused (working h)", aggregator="sum")
