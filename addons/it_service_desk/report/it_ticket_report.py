from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.it_ticket import CHANNELS, PRIORITIES


class ItTicketReport(models.Model):
    """Service-quality analysis of every ticket, archived ones included."""

    _name = "it.ticket.report"
    _description = "Ticket Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "ticket_id"

    ticket_id = fields.Many2one("it.ticket", readonly=True)
    date = fields.Datetime(string="Reported", readonly=True)
    date_closed = fields.Datetime(readonly=True)
    team_id = fields.Many2one("it.team", readonly=True)
    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    system_id = fields.Many2one("it.business.system", readonly=True)
    region_id = fields.Many2one("it.region", string="City", readonly=True)
    category_id = fields.Many2one("it.category", readonly=True)
    channel = fields.Selection(CHANNELS, readonly=True)
    priority = fields.Selection(PRIORITIES, readonly=True)
    ticket_type = fields.Selection(
        [("incident", "Incident"), ("request", "Service Request")], readonly=True
    )
    state = fields.Selection(
        [
            ("new", "New"),
            ("in_progress", "In Progress"),
            ("dispatched", "Dispatched to Back Office"),
            ("waiting", "Waiting for Requester"),
            ("resolved", "Resolved"),
            ("callback", "Callback"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        readonly=True,
    )
    close_reason = fields.Selection(
        [
            ("resolved", "Resolved"),
            ("redirected", "Redirected (outside IT)"),
            ("duplicate", "Merged as Duplicate"),
            ("unreachable", "Requester Unreachable"),
            ("cancelled", "Cancelled"),
        ],
        readonly=True,
    )
    is_vip = fields.Boolean(string="VIP", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    nbr = fields.Integer(string="# Tickets", readonly=True, aggregator="sum")
    fcr_rate = fields.Float(
        string="First-Contact Resolution (%)",
        readonly=True,
        aggregator="avg",
        help="Share of resolved tickets solved at first contact.",
    )
    redirected_rate = fields.Float(string="Redirected (%)", readonly=True, aggregator="avg")
    redirected_count = fields.Integer(string="# Redirected", readonly=True, aggregator="sum")
    duplicate_count = fields.Integer(string="# Duplicates Merged", readonly=True, aggregator="sum")
    backlog_count = fields.Integer(string="# Open (Backlog)", readonly=True, aggregator="sum")
    age_days = fields.Float(string="Backlog Age (days)", readonly=True, aggregator="avg")
    age_bucket = fields.Selection(
        [("0", "< 1 day"), ("1", "1-3 days"), ("2", "3-7 days"), ("3", "> 7 days")],
        string="Backlog Age",
        readonly=True,
    )
    response_hours = fields.Float(string="Response Time (h)", readonly=True, aggregator="avg")
    resolution_hours = fields.Float(string="Resolution Time (h)", readonly=True, aggregator="avg")
    satisfaction = fields.Float(string="Satisfaction (1-5)", readonly=True, aggregator="avg")

    def _query(self):
        return SQL(
            """
            SELECT t.id AS id,
                   t.id AS ticket_id,
                   t.create_date AS date,
                   t.date_closed AS date_closed,
                   t.team_id, t.user_id, t.system_id, t.region_id, t.category_id,
                   t.channel, t.priority, t.ticket_type, t.state, t.close_reason,
                   t.is_vip, t.company_id,
                   1 AS nbr,
                   CASE WHEN t.close_reason = 'resolved'
                             AND t.state IN ('resolved', 'callback', 'closed')
                        THEN CASE WHEN t.is_first_contact_resolution THEN 100.0 ELSE 0.0 END
                   END AS fcr_rate,
                   CASE WHEN t.is_redirected THEN 100.0 ELSE 0.0 END AS redirected_rate,
                   CASE WHEN t.is_redirected THEN 1 ELSE 0 END AS redirected_count,
                   CASE WHEN t.close_reason = 'duplicate' THEN 1 ELSE 0 END AS duplicate_count,
                   CASE WHEN t.state IN ('new', 'in_progress', 'dispatched', 'waiting')
                        THEN 1 ELSE 0 END AS backlog_count,
                   CASE WHEN t.state IN ('new', 'in_progress', 'dispatched', 'waiting')
                        THEN EXTRACT(EPOCH FROM (now() at time zone 'UTC' - t.create_date)) / 86400.0
                   END AS age_days,
                   CASE WHEN t.state NOT IN ('new', 'in_progress', 'dispatched', 'waiting') THEN NULL
                        WHEN t.create_date > (now() at time zone 'UTC') - interval '1 day' THEN '0'
                        WHEN t.create_date > (now() at time zone 'UTC') - interval '3 days' THEN '1'
                        WHEN t.create_date > (now() at time zone 'UTC') - interval '7 days' THEN '2'
                        ELSE '3'
                   END AS age_bucket,
                   CASE WHEN t.date_first_response IS NOT NULL THEN t.response_hours END
                       AS response_hours,
                   CASE WHEN t.date_resolved IS NOT NULL THEN t.resolution_hours END
                       AS resolution_hours,
                   NULLIF(t.rating_last_value, 0) AS satisfaction
              FROM it_ticket t
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
