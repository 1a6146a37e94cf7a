from odoo import fields, models


class ItMajorIncidentUpdateWizard(models.TransientModel):
    _name = "it.major.incident.update.wizard"
    _description = "Post a Major Incident Status Update"

    incident_id = fields.Many2one("it.major.incident", required=True)
    body = fields.Html(string="Status Update", required=True)

    def action_post(self):
        self.ensure_one()
        self.incident_id.action_post_update(self.body)
        return {"type": "ir.actions.act_window_close"}
