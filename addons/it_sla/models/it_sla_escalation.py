from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ItSlaEscalation(models.Model):
    """One escalation level of a policy: who is told, and what changes, once a target is
    breached (plus an optional delay)."""

    _name = "it.sla.escalation"
    _description = "SLA Escalation Level"
    _order = "policy_id, level"
    _check_company_auto = True

    policy_id = fields.Many2one("it.sla.policy", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="policy_id.company_id", store=True)
    level = fields.Integer(required=True, default=1)
    delay_hours = fields.Float(
        string="Hours After Breach",
        default=0.0,
        help="Escalate this many hours after the deadline passed (0: at the breach).",
    )
    notify = fields.Selection(
        [("leader", "Team Lead"), ("manager", "Team Manager")],
        required=True,
        default="leader",
    )
    raise_priority = fields.Boolean(help="Raise the ticket priority by one step.")
    team_id = fields.Many2one(
        "it.team",
        string="Move to Team",
        check_company=True,
        help="Hand the ticket over to this team.",
    )

    _sql_constraints = [
        ("level_uniq", "unique(policy_id, level)", "Each escalation level appears once."),
    ]

    @api.constrains("level", "delay_hours", "policy_id")
    def _check_levels(self):
        for escalation in self:
            if escalation.delay_hours < 0:
                raise ValidationError(self.env._("An escalation delay cannot be negative."))
            levels = sorted(escalation.policy_id.escalation_ids.mapped("level"))
            if levels != list(range(1, len(levels) + 1)):
                raise ValidationError(
                    self.env._(
                        "Escalation levels of policy %(policy)s must be numbered 1, 2, 3...",
                        policy=escalation.policy_id.name,
                    )
                )
            delays = escalation.policy_id.escalation_ids.sorted("level").mapped("delay_hours")
            if delays != sorted(delays):
                raise ValidationError(
                    self.env._("A higher escalation level cannot come before a lower one.")
                )
