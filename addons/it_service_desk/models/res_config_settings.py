from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    it_low_rating_threshold = fields.Integer(
        string="Low Satisfaction Threshold",
        config_parameter="it_service_desk.low_rating_threshold",
        default=2,
        help="A callback or email rating at or below this score (1-5) opens a quality review.",
    )
    it_callback_max_attempts = fields.Integer(
        string="Callback Attempts",
        config_parameter="it_service_desk.callback_max_attempts",
        default=3,
        help="After this many unanswered calls the requester is unreachable and the ticket closes.",
    )
    it_callback_retry_hours = fields.Integer(
        string="Retry After (hours)",
        config_parameter="it_service_desk.callback_retry_hours",
        default=2,
    )
    it_recurring_threshold = fields.Integer(
        string="Recurring Incident Hint After",
        config_parameter="it_service_desk.recurring_threshold",
        default=5,
        help="Tickets on the same system or category within the window that raise the hint.",
    )
    it_recurring_window_hours = fields.Integer(
        string="Recurring Window (hours)",
        config_parameter="it_service_desk.recurring_window_hours",
        default=24,
    )
    it_archive_after_days = fields.Integer(
        string="Archive Closed Tickets After (days)",
        config_parameter="it_service_desk.archive_after_days",
        default=30,
    )
