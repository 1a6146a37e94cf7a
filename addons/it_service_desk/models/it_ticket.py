import logging

from markupsafe import Markup

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

IMPACT_URGENCY = [("1", "High"), ("2", "Medium"), ("3", "Low")]
PRIORITIES = [("1", "P1 Critical"), ("2", "P2 High"), ("3", "P3 Medium"), ("4", "P4 Low")]
# impact x urgency -> priority; it_sla replaces this with a configurable matrix
PRIORITY_MATRIX = {
    ("1", "1"): "1",
    ("1", "2"): "2",
    ("1", "3"): "3",
    ("2", "1"): "2",
    ("2", "2"): "3",
    ("2", "3"): "4",
    ("3", "1"): "3",
    ("3", "2"): "4",
    ("3", "3"): "4",
}
CHANNELS = [
    ("phone", "Phone / IVR Hotline"),
    ("email", "Email"),
    ("portal", "Portal"),
    ("walk_in", "Walk-in"),
    ("monitoring", "Monitoring"),
]
OPEN_STATES = ("new", "in_progress", "dispatched", "waiting")
DONE_STATES = ("resolved", "callback", "closed")


class ItTicket(models.Model):
    """An incident or service request reported to the desk."""

    _name = "it.ticket"
    _description = "IT Ticket"
    _inherit = [
        "portal.mixin",
        "mail.thread.cc",
        "mail.activity.mixin",
        "rating.mixin",
        "care.script.mixin",
    ]
    _order = "priority, id desc"
    _rec_names_search = ["ref", "name"]
    _check_company_auto = True
    _primary_email = "email_from"

    ref = fields.Char(string="Reference", readonly=True, copy=False, index="trigram", default="/")
    name = fields.Char(string="Subject", required=True, tracking=True, index="trigram")
    description = fields.Html()
    ticket_type = fields.Selection(
        [("incident", "Incident"), ("request", "Service Request")],
        required=True,
        default="incident",
        tracking=True,
    )
    partner_id = fields.Many2one("res.partner", string="Requester", tracking=True, index=True)
    partner_phone = fields.Char(
        string="Phone",
        compute="_compute_partner_contact",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
    )
    email_from = fields.Char(
        string="Email",
        compute="_compute_partner_contact",
        store=True,
        readonly=False,
        precompute=True,
    )
    is_vip = fields.Boolean(
        string="VIP",
        compute="_compute_is_vip",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    team_id = fields.Many2one(
        "it.team",
        tracking=True,
        index=True,
        check_company=True,
        compute="_compute_team_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Assignee", tracking=True, index=True, domain=[("share", "=", False)]
    )
    stage_id = fields.Many2one(
        "it.stage",
        tracking=True,
        index=True,
        group_expand="_read_group_stage_ids",
        default=lambda self: self._stage_for_state("new"),
        copy=False,
        ondelete="restrict",
    )
    state = fields.Selection(related="stage_id.state", store=True, index=True, string="Status")
    impact = fields.Selection(IMPACT_URGENCY, default="3", required=True, tracking=True)
    urgency = fields.Selection(IMPACT_URGENCY, default="3", required=True, tracking=True)
    priority = fields.Selection(
        PRIORITIES,
        required=True,
        tracking=True,
        index=True,
        compute="_compute_priority",
        store=True,
        readonly=False,
        precompute=True,
    )
    category_id = fields.Many2one("it.category", tracking=True, index=True, check_company=True)
    system_id = fields.Many2one(
        "it.business.system",
        string="Affected System",
        tracking=True,
        index=True,
        check_company=True,
    )
    region_id = fields.Many2one(
        "it.region",
        string="Region / City",
        tracking=True,
        index=True,
        compute="_compute_region_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    channel = fields.Selection(CHANNELS, default="phone", required=True, index=True)
    tier = fields.Selection(
        [("1", "Tier 1"), ("2", "Tier 2"), ("3", "Tier 3")],
        compute="_compute_tier",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    # lifecycle dates
    date_first_response = fields.Datetime(copy=False, readonly=True)
    date_resolved = fields.Datetime(copy=False, readonly=True)
    date_closed = fields.Datetime(copy=False, readonly=True)
    date_last_stage_update = fields.Datetime(copy=False, readonly=True, index=True)
    response_hours = fields.Float(
        compute="_compute_durations",
        store=True,
        aggregator="avg",
        string="Response Time (h)",
    )
    resolution_hours = fields.Float(
        compute="_compute_durations",
        store=True,
        aggregator="avg",
        string="Resolution Time (h)",
    )

    # resolution and triage
    resolution = fields.Html(copy=False, tracking=True)
    close_reason = fields.Selection(
        [
            ("resolved", "Resolved"),
            ("redirected", "Redirected (outside IT)"),
            ("duplicate", "Merged as Duplicate"),
            ("unreachable", "Requester Unreachable"),
            ("cancelled", "Cancelled"),
        ],
        copy=False,
        readonly=True,
        index=True,
        tracking=True,
    )
    is_redirected = fields.Boolean(string="Redirected", copy=False, readonly=True, index=True)
    redirect_reason = fields.Text(copy=False, readonly=True)
    redirect_destination = fields.Char(copy=False, readonly=True)
    cancel_reason = fields.Text(copy=False, readonly=True)

    # relations
    major_incident_id = fields.Many2one(
        "it.major.incident", tracking=True, index=True, check_company=True, copy=False
    )
    problem_id = fields.Many2one("it.problem", tracking=True, index=True, check_company=True)
    merged_into_id = fields.Many2one(
        "it.ticket", string="Merged Into", readonly=True, copy=False, index="btree_not_null"
    )
    duplicate_ids = fields.One2many("it.ticket", "merged_into_id", string="Merged Duplicates")
    duplicate_count = fields.Integer(compute="_compute_duplicate_count", store=True)
    article_ids = fields.Many2many("it.knowledge.article", string="Articles Used", copy=False)

    @api.model
    def _stage_for_state(self, state):
        return self.env["it.stage"].search([("state", "=", state)], limit=1)

    # ------------------------------------------------------------------ computes
    @api.depends("impact", "urgency")
    def _compute_priority(self):
        for ticket in self:
            ticket.priority = PRIORITY_MATRIX.get((ticket.impact, ticket.urgency), "4")

    @api.depends("partner_id.it_vip")
    def _compute_is_vip(self):
        for ticket in self:
            ticket.is_vip = ticket.partner_id.it_vip

    @api.depends("partner_id")
    def _compute_partner_contact(self):
        for ticket in self:
            partner = ticket.partner_id
            if partner:
                ticket.partner_phone = partner.mobile or partner.phone or ticket.partner_phone
                ticket.email_from = partner.email or ticket.email_from
            else:
                ticket.partner_phone = ticket.partner_phone
                ticket.email_from = ticket.email_from

    @api.depends("partner_id")
    def _compute_region_id(self):
        for ticket in self:
            ticket.region_id = ticket.partner_id.it_region_id or ticket.region_id

    @api.depends("category_id")
    def _compute_team_id(self):
        for ticket in self:
            ticket.team_id = ticket.team_id or ticket.category_id.team_id

    @api.depends("team_id.tier")
    def _compute_tier(self):
        for ticket in self:
            ticket.tier = ticket.team_id.tier or ticket.tier or "1"

    @api.depends("create_date", "date_first_response", "date_resolved")
    def _compute_durations(self):
        for ticket in self:
            start = ticket.create_date
            ticket.response_hours = (
                (ticket.date_first_response - start).total_seconds() / 3600
                if start and ticket.date_first_response
                else 0.0
            )
            ticket.resolution_hours = (
                (ticket.date_resolved - start).total_seconds() / 3600
                if start and ticket.date_resolved
                else 0.0
            )

    @api.depends("duplicate_ids")
    def _compute_duplicate_count(self):
        counts = dict(
            self.env["it.ticket"]
            .with_context(active_test=False)
            ._read_group([("merged_into_id", "in", self.ids)], ["merged_into_id"], ["__count"])
        )
        for ticket in self:
            ticket.duplicate_count = counts.get(ticket, 0) if ticket.id else 0

    @api.depends("ref", "name")
    def _compute_display_name(self):
        for ticket in self:
            ticket.display_name = f"{ticket.ref} {ticket.name}" if ticket.ref else ticket.name

    def _compute_access_url(self):
        super()._compute_access_url()
        for ticket in self:
            ticket.access_url = f"/my/it-tickets/{ticket.id}"

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            if vals.get("ref", "/") == "/":
                vals["ref"] = self.env["ir.sequence"].next_by_code("it.ticket") or "/"
            vals.setdefault("date_last_stage_update", now)
        return super().create(vals_list)

    def write(self, vals):
        if "stage_id" in vals:
            vals.setdefault("date_last_stage_update", fields.Datetime.now())
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        if not self.env.is_superuser() and any(t.state != "new" or t.message_ids for t in self):
            raise UserError(
                self.env._("Tickets with history cannot be deleted; archive them instead.")
            )

    @api.constrains("stage_id", "resolution", "close_reason")
    def _check_state_rules(self):
        for ticket in self:
            needs_text = ticket.state in DONE_STATES and ticket.close_reason in (False, "resolved")
            if needs_text and tools.is_html_empty(ticket.resolution):
                raise ValidationError(
                    self.env._(
                        "Ticket %(ref)s cannot be resolved without a resolution text.",
                        ref=ticket.ref,
                    )
                )

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        # every stage is a column, even an empty one; stages are a short configuration list
        return stages.search([])  # pylint: disable=no-search-all

    # ------------------------------------------------------------------ lifecycle
    def _check_state(self, allowed, action):
        for ticket in self:
            if ticket.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(action)s is not possible for ticket %(ref)s in state %(state)s.",
                        action=action,
                        ref=ticket.ref,
                        state=dict(ticket._fields["state"]._description_selection(self.env)).get(
                            ticket.state, ticket.state
                        ),
                    )
                )

    def _move_to(self, state, **vals):
        stage = self._stage_for_state(state)
        if not stage:
            raise UserError(self.env._("No stage is configured for state %(state)s.", state=state))
        vals["stage_id"] = stage.id
        return self.write(vals)

    def _first_response_vals(self):
        return {} if self.date_first_response else {"date_first_response": fields.Datetime.now()}

    def action_start(self):
        """Agent takes the ticket (first response)."""
        self._check_state(("new", "waiting"), self.env._("Start"))
        for ticket in self:
            vals = ticket._first_response_vals()
            if not ticket.user_id:
                vals["user_id"] = self.env.user.id
            ticket._move_to("in_progress", **vals)
        return True

    def action_dispatch(self, team=None, user=None, note=None):
        """Dispatch as a work order to a back-office team; without a team, open the wizard."""
        self._check_state(("new", "in_progress", "waiting"), self.env._("Dispatch"))
        if team is None:
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Dispatch to Back Office"),
                "res_model": "it.ticket.dispatch.wizard",
                "view_mode": "form",
                "target": "new",
                "context": {"default_ticket_ids": self.ids},
            }
        if team.tier == "1":
            raise UserError(
                self.env._(
                    "Work orders go to a back-office team (tier 2 or 3), not %(team)s.",
                    team=team.display_name,
                )
            )
        for ticket in self:
            vals = ticket._first_response_vals()
            vals.update(team_id=team.id, tier=team.tier, user_id=user.id if user else False)
            ticket._move_to("dispatched", **vals)
            if note:
                ticket.message_post(body=note)
        return True

    def action_return(self):
        """Back office hands the ticket back to the front line."""
        self._check_state(("dispatched",), self.env._("Return to front line"))
        for ticket in self:
            front = ticket._front_line_team()
            ticket._move_to("in_progress", team_id=front.id or ticket.team_id.id, tier="1")
        return True

    def _front_line_team(self):
        return self.env["it.team"].search(
            [("tier", "=", "1"), ("company_id", "in", [self.company_id.id, False])], limit=1
        )

    def action_wait(self):
        self._check_state(("new", "in_progress", "dispatched"), self.env._("Wait for requester"))
        for ticket in self:
            ticket._move_to("waiting", **ticket._first_response_vals())
        return True

    def action_resolve(self, resolution=None):
        self._check_state(OPEN_STATES, self.env._("Resolve"))
        for ticket in self:
            vals = ticket._first_response_vals()
            if resolution:
                vals["resolution"] = resolution
            if tools.is_html_empty(vals.get("resolution", ticket.resolution)):
                raise UserError(
                    self.env._(
                        "Write the resolution of %(ref)s before resolving it.", ref=ticket.ref
                    )
                )
            vals.update(date_resolved=fields.Datetime.now(), close_reason="resolved")
            ticket._move_to("resolved", **vals)
        self._create_callbacks()
        return True

    def _create_callbacks(self):
        """Hook: the closed loop queues a callback after resolution."""
        return True

    def _check_can_close(self):
        return True

    def action_close(self):
        self._check_state(("resolved", "callback"), self.env._("Close"))
        self._check_can_close()
        self._move_to("closed", date_closed=fields.Datetime.now())
        return True

    def action_cancel(self, reason=None):
        self._check_state(OPEN_STATES, self.env._("Cancel"))
        self._move_to(
            "cancelled",
            close_reason="cancelled",
            cancel_reason=reason or False,
            date_closed=fields.Datetime.now(),
        )
        return True

    def action_reopen(self):
        self._check_state(("resolved", "callback", "closed", "cancelled"), self.env._("Reopen"))
        self.write({"active": True})
        self._move_to(
            "in_progress",
            date_resolved=False,
            date_closed=False,
            close_reason=False,
            is_redirected=False,
        )
        return True

    def action_callback_done(self):
        """Callback made: the requester confirmed (details recorded on the callback)."""
        self._check_state(("resolved", "callback"), self.env._("Callback done"))
        self._move_to("callback")
        return True

    def action_waive_callback(self, reason=None):
        self._check_state(("resolved", "callback"), self.env._("Waive callback"))
        if not reason:
            raise UserError(self.env._("Give the reason why the callback is waived."))
        for ticket in self:
            ticket.message_post(body=self.env._("Callback waived: %(reason)s", reason=reason))
        self._move_to("callback")
        return True

    def action_redirect(self, reason, destination):
        """Outside IT scope (非IT訴求引導): close as redirected with reason and destination."""
        self._check_state(OPEN_STATES, self.env._("Redirect"))
        if not (reason and destination):
            raise UserError(
                self.env._("A redirected request needs a reason and where the requester should go.")
            )
        now = fields.Datetime.now()
        for ticket in self:
            vals = ticket._first_response_vals()
            vals.update(
                is_redirected=True,
                redirect_reason=reason,
                redirect_destination=destination,
                close_reason="redirected",
                date_closed=now,
            )
            ticket._move_to("closed", **vals)
            ticket.message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "Outside IT scope, redirected to %(dest)s: %(reason)s",
                    dest=destination,
                    reason=reason,
                )
            )
        return True

    # ------------------------------------------------------------------ scripts
    def _care_script_code(self):
        self.ensure_one()
        if self.major_incident_id and self.state in OPEN_STATES:
            return "desk_major_incident_notice"
        if self.state in ("resolved", "callback"):
            return "desk_callback"
        return "desk_intake"

    def _care_script_values(self):
        self.ensure_one()
        return {
            "customer_name": self.partner_id.name or "",
            "phone": self.partner_phone or "",
            "ticket_ref": self.ref or "",
        }
