from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

OUTCOMES = [
    ("reached", "Reached"),
    ("no_answer", "No Answer"),
    ("busy", "Busy"),
    ("wrong_number", "Wrong Number"),
]


class ItCallback(models.Model):
    """A callback (回訪) to the requester after resolution: the closed loop's queue item."""

    _name = "it.callback"
    _description = "Ticket Callback"
    _inherit = ["mail.activity.mixin"]
    _order = "state_sequence, date_next_attempt, id"
    _rec_name = "ticket_id"
    _check_company_auto = True

    ticket_id = fields.Many2one(
        "it.ticket", required=True, ondelete="cascade", index=True, check_company=True
    )
    partner_id = fields.Many2one(related="ticket_id.partner_id", string="Requester")
    phone = fields.Char(related="ticket_id.partner_phone")
    is_vip = fields.Boolean(related="ticket_id.is_vip")
    team_id = fields.Many2one(related="ticket_id.team_id", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Callback Agent",
        index=True,
        domain=[("share", "=", False)],
    )
    state = fields.Selection(
        [
            ("pending", "To Call"),
            ("done", "Done"),
            ("waived", "Waived"),
            ("unreachable", "Unreachable"),
        ],
        default="pending",
        required=True,
        index=True,
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    attempt_count = fields.Integer(readonly=True)
    attempt_ids = fields.One2many("it.callback.attempt", "callback_id", string="Attempts")
    date_next_attempt = fields.Datetime(
        default=fields.Datetime.now, index=True, string="Next Attempt"
    )
    outcome = fields.Selection(OUTCOMES, string="Last Outcome", readonly=True)
    rating = fields.Integer(string="Satisfaction (1-5)", readonly=True)
    remarks = fields.Text(help="What the requester said, for the analysts.")
    waive_reason = fields.Text(readonly=True)
    date_done = fields.Datetime(readonly=True)
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)

    @api.depends("state")
    def _compute_state_sequence(self):
        for callback in self:
            callback.state_sequence = 0 if callback.state == "pending" else 1

    @api.model
    def _param(self, key, default):
        # config parameters are admin-only; read with sudo, they hold no secret
        value = self.env["ir.config_parameter"].sudo().get_param(f"it_service_desk.{key}")
        try:
            return int(value) if value not in (None, False, "") else default
        except ValueError:
            return default

    def _check_pending(self):
        for callback in self:
            if callback.state != "pending":
                raise UserError(
                    self.env._(
                        "The callback of %(ref)s is already finished.", ref=callback.ticket_id.ref
                    )
                )

    def action_log_attempt(self, outcome, note=None):
        """Record a failed call; retried later, then closed as unreachable after the maximum."""
        self._check_pending()
        if outcome not in dict(OUTCOMES) or outcome == "reached":
            raise UserError(self.env._("Use the satisfaction form when the requester was reached."))
        max_attempts = self._param("callback_max_attempts", 3)
        delay = self._param("callback_retry_hours", 2)
        now = fields.Datetime.now()
        for callback in self:
            self.env["it.callback.attempt"].create(
                {"callback_id": callback.id, "outcome": outcome, "note": note, "date": now}
            )
            count = callback.attempt_count + 1
            vals = {"attempt_count": count, "outcome": outcome}
            if count >= max_attempts:
                vals.update(state="unreachable", date_done=now, date_next_attempt=False)
                callback.write(vals)
                callback.ticket_id._close_unreachable(count)
            else:
                vals["date_next_attempt"] = now + timedelta(hours=delay)
                callback.write(vals)
                if callback.ticket_id.state == "resolved":
                    callback.ticket_id._move_to("callback")
        return True

    def action_done(self, rating, remarks=None):
        """The requester was reached: record satisfaction (1-5) and remarks, then close."""
        self._check_pending()
        if not isinstance(rating, int) or not 1 <= rating <= 5:
            raise UserError(self.env._("Satisfaction is a score from 1 to 5."))
        now = fields.Datetime.now()
        for callback in self:
            self.env["it.callback.attempt"].create(
                {"callback_id": callback.id, "outcome": "reached", "note": remarks, "date": now}
            )
            callback.write(
                {
                    "state": "done",
                    "rating": rating,
                    "remarks": remarks or callback.remarks,
                    "outcome": "reached",
                    "attempt_count": callback.attempt_count + 1,
                    "date_done": now,
                    "date_next_attempt": False,
                    "user_id": callback.user_id.id or self.env.user.id,
                }
            )
            ticket = callback.ticket_id
            ticket._apply_callback_rating(rating, remarks)
            ticket.action_callback_done()
            ticket.action_close()
        return True

    def action_waive(self, reason):
        self._check_pending()
        if not reason or not reason.strip():
            raise UserError(self.env._("Give the reason why the callback is waived."))
        now = fields.Datetime.now()
        self.write(
            {
                "state": "waived",
                "waive_reason": reason,
                "date_done": now,
                "date_next_attempt": False,
            }
        )
        for callback in self:
            callback.ticket_id.action_waive_callback(reason)
            callback.ticket_id.action_close()
        return True

    def action_open_ticket(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "it.ticket",
            "res_id": self.ticket_id.id,
            "view_mode": "form",
        }

    def action_open_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Callback"),
            "res_model": "it.callback.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_callback_id": self.id},
        }


class ItCallbackAttempt(models.Model):
    _name = "it.callback.attempt"
    _description = "Callback Attempt"
    _order = "date desc, id desc"

    callback_id = fields.Many2one("it.callback", required=True, ondelete="cascade", index=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True)
    outcome = fields.Selection(OUTCOMES, required=True)
    note = fields.Text()
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user, string="Agent")
    company_id = fields.Many2one(related="callback_id.company_id", store=True)
