from odoo import api, fields, models


class ItStage(models.Model):
    _inherit = "it.stage"

    sla_pause = fields.Boolean(
        string="Pauses SLA Timers",
        compute="_compute_sla_pause",
        store=True,
        readonly=False,
        help="While a ticket sits in this stage its running SLA timers are paused "
        "(by default: the stages waiting for the requester).",
    )

    @api.depends("state")
    def _compute_sla_pause(self):
        for stage in self:
            stage.sla_pause = stage.state == "waiting"
