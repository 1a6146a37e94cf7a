from odoo import fields, models
from odoo.exceptions import UserError

from ..models.it_callback import OUTCOMES


class ItCallbackWizard(models.TransientModel):
    _name = "it.callback.wizard"
    _description = "Record a Callback"

    callback_id = fields.Many2one("it.callback", required=True)
    mode = fields.Selection(
        [("reached", "Requester Reached"), ("failed", "Not Reached"), ("waive", "Waive")],
        default="reached",
        required=True,
    )
    rating = fields.Selection(
        [
            ("1", "1 - Very dissatisfied"),
            ("2", "2 - Dissatisfied"),
            ("3", "3 - Neutral"),
            ("4", "4 - Satisfied"),
            ("5", "5 - Very satisfied"),
        ],
        string="Satisfaction",
    )
    outcome = fields.Selection([o for o in OUTCOMES if o[0] != "reached"], default="no_answer")
    remarks = fields.Text()
    reason = fields.Text(string="Waive Reason")

    def action_confirm(self):
        self.ensure_one()
        if self.mode == "reached":
            if not self.rating:
                raise UserError(self.env._("Record the requester's satisfaction."))
            self.callback_id.action_done(int(self.rating), self.remarks)
        elif self.mode == "failed":
            self.callback_id.action_log_attempt(self.outcome, self.remarks)
        else:
            self.callback_id.action_waive(self.reason)
        return {"type": "ir.actions.act_window_close"}
