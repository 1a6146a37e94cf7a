import logging
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

# pg_trgm's "word similar" operator; a bare SQL keeps "%%" verbatim for psycopg2
WORD_SIMILAR = SQL("<%%")
# first tier of the duplicate search (pg_trgm word similarity, default threshold 0.6)
SIMILARITY_HIGH = 0.8
# computed from activity_ids for the kanban card's activity widget
ACTIVITY_CARD_FIELDS = (
    "activity_state",
    "activity_exception_decoration",
    "activity_exception_icon",
    "activity_type_id",
    "activity_type_icon",
    "activity_summary",
)

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
        "it.batch.defaults.mixin",
    ]
    _order = "priority, id desc"
    _rec_names_search = ["ref", "name"]
    _check_company_auto = True
    _primary_email = "email_from"
    _mail_post_access = "read"

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
    # the name as the caller gave it (the requester's name when there is one): the cards show
    # it without computing every requester's display name
    partner_name = fields.Char(
        string="Requester Name",
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
    resolution = fields.Html(copy=False)
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
    merged_into_id = fields.Many2one("it.ticket", readonly=True, copy=False, index="btree_not_null")
    duplicate_ids = fields.One2many("it.ticket", "merged_into_id", string="Merged Duplicates")
    duplicate_count = fields.Integer(compute="_compute_duplicate_count", store=True)
    article_ids = fields.Many2many("it.knowledge.article", string="Articles Used", copy=False)
    requester_ids = fields.Many2many(
        "res.partner",
        "it_ticket_requester_rel",
        "ticket_id",
        "partner_id",
        string="Other Requesters",
        help="Requesters of merged duplicates.",
        copy=False,
    )
    front_team_id = fields.Many2one(
        "it.team",
        string="Front-line Team",
        index=True,
        copy=False,
        compute="_compute_front_team_id",
        store=True,
        precompute=True,
        help="Front-line team that owns the ticket while it is dispatched to the back office.",
    )

    # history, first-contact resolution and closed loop
    assignment_ids = fields.One2many(
        "it.ticket.assignment", "ticket_id", string="Assignment History"
    )
    is_first_contact_resolution = fields.Boolean(
        string="First-Contact Resolution",
        compute="_compute_first_contact_resolution",
        store=True,
        index=True,
        help="Resolved by the first agent, never dispatched, reassigned or reopened (首次解決).",
    )
    fcr_rate = fields.Float(
        string="FCR Rate (%)",
        compute="_compute_first_contact_resolution",
        store=True,
        aggregator="avg",
    )
    reopen_count = fields.Integer(readonly=True, copy=False)
    callback_ids = fields.One2many("it.callback", "ticket_id", string="Callbacks")
    callback_state = fields.Selection(
        [
            ("none", "Not Due"),
            ("pending", "To Call"),
            ("done", "Done"),
            ("waived", "Waived"),
            ("unreachable", "Unreachable"),
        ],
        compute="_compute_callback_state",
        store=True,
        index=True,
        string="Callback",
    )

    # suggestions while typing (not stored)
    similar_ticket_ids = fields.Many2many(
        "it.ticket", compute="_compute_suggestions", string="Similar Open Tickets"
    )
    similar_article_ids = fields.Many2many(
        "it.knowledge.article", compute="_compute_suggestions", string="Matching Articles"
    )
    suggested_incident_ids = fields.Many2many(
        "it.major.incident", compute="_compute_suggestions", string="Open Major Incidents"
    )
    suggested_notice_ids = fields.Many2many(
        "it.downtime.notice", compute="_compute_suggestions", string="Current Downtime"
    )
    recurring_hint = fields.Char(compute="_compute_recurring_hint")

    _sql_constraints = [
        ("ref_company_uniq", "unique(ref, company_id)", "The ticket reference must be unique."),
    ]

    # init() returns nothing: the indexes below must be created after super()'s
    def init(self):  # pylint: disable=missing-return
        super().init()
        # The kanban (per stage) and the team lists read "priority, id desc" pages of active
        # tickets and count them: composite partial indexes serve both without a sort, and
        # INCLUDE lets the counts run as index-only scans.
        for name, column in (("stage", "stage_id"), ("team", "team_id"), ("user", "user_id")):
            self.env.cr.execute(
                SQL(
                    "CREATE INDEX IF NOT EXISTS %s ON it_ticket (%s, priority, id DESC) "
                    "INCLUDE (state, company_id) WHERE active",
                    SQL.identifier(f"it_ticket_{name}_priority_active_idx"),
                    SQL.identifier(column),
                )
            )
        # The kanban's column counts (active tickets of the user's companies, grouped by
        # stage) as an index-only scan of a narrow index instead of a scan of the table. Not
        # partial on "active": a partial one, paired with the state index, would tempt the
        # planner away from the trigram index in the duplicate search while the table has
        # no statistics yet (right after a bulk load).
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS it_ticket_company_active_stage_idx "
                "ON it_ticket (company_id, active, stage_id)"
            )
        )
        self._tune_trigram_indexes()

    @api.model
    def _tune_trigram_indexes(self):
        """Trigram GIN indexes without the pending list: fresh tickets are searchable through
        the index at once instead of by a sequential scan of the pending entries. Called at
        update (init) and after installation (the indexes are created after init)."""
        for index in ("it_ticket__name_index", "it_ticket__ref_index"):
            self.env.cr.execute(
                SQL(
                    "SELECT 1 FROM pg_indexes WHERE indexname = %s AND indexdef ILIKE %s",
                    index,
                    "%gin_trgm_ops%",
                )
            )
            if self.env.cr.fetchone():
                self.env.cr.execute(
                    SQL("ALTER INDEX %s SET (fastupdate = off)", SQL.identifier(index))
                )
        self.env.cr.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if self.env.cr.fetchone():
            # The duplicate search only looks at open, active tickets: a partial trigram index
            # over them has posting lists a fraction of the size of the whole table's.
            self.env.cr.execute(
                SQL(
                    "CREATE INDEX IF NOT EXISTS it_ticket_name_open_trgm_idx ON it_ticket "
                    "USING gin (name gin_trgm_ops) WITH (fastupdate = off) "
                    "WHERE active AND state IN %s",
                    OPEN_STATES,
                )
            )

    @api.model
    def _param(self, key, default):
        # desk settings live in ir.config_parameter (admin-only model): read with sudo
        value = self.env["ir.config_parameter"].sudo().get_param(f"it_service_desk.{key}")
        try:
            return int(value) if value not in (None, False, "") else default
        except ValueError:
            return default

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
                ticket.partner_name = partner.name or ticket.partner_name
            else:
                ticket.partner_phone = ticket.partner_phone
                ticket.email_from = ticket.email_from
                ticket.partner_name = ticket.partner_name

    @api.depends("partner_id")
    def _compute_region_id(self):
        for ticket in self:
            ticket.region_id = ticket.partner_id.it_region_id or ticket.region_id

    @api.depends("category_id")
    def _compute_team_id(self):
        front_lines = {}
        for ticket in self:
            team = ticket.team_id or ticket.category_id.team_id
            if not team:
                company = ticket.company_id or self.env.company
                if company not in front_lines:
                    teams = self.env["it.team"].search(
                        [("tier", "=", "1"), ("company_id", "=", company.id)]
                    )
                    # the agent's own front-line team first, else the first one
                    mine = teams.filtered(lambda t: self.env.user in t.member_ids)
                    front_lines[company] = (mine or teams)[:1]
                team = front_lines[company]
            ticket.team_id = team

    @api.depends("team_id")
    def _compute_front_team_id(self):
        for ticket in self:
            if ticket.team_id.tier == "1":
                ticket.front_team_id = ticket.team_id
            else:
                ticket.front_team_id = ticket.front_team_id

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

    @api.depends("assignment_ids.event", "assignment_ids.user_id", "state", "close_reason")
    def _compute_first_contact_resolution(self):
        for ticket in self:
            fcr = ticket.state in DONE_STATES and ticket.close_reason == "resolved"
            if fcr:
                # the history is read only for resolved tickets: every stage change of an
                # open ticket recomputes this field
                events = ticket.assignment_ids
                users = events.filtered(lambda e: e.user_id).user_id
                fcr = not any(e.event in ("dispatch", "reopen", "tier") for e in events)
                fcr = fcr and len(users) <= 1
            ticket.is_first_contact_resolution = fcr
            ticket.fcr_rate = 100.0 if fcr else 0.0

    @api.depends("callback_ids.state")
    def _compute_callback_state(self):
        for ticket in self:
            last = ticket.callback_ids.sorted("id")[-1:] if ticket.callback_ids else None
            ticket.callback_state = last.state if last else "none"

    @api.depends("name", "system_id", "region_id", "category_id")
    def _compute_suggestions(self):
        Incident = self.env["it.major.incident"]
        Notice = self.env["it.downtime.notice"]
        for ticket in self:
            exclude = ticket._origin.id or 0
            text = (ticket.name or "").strip()
            ticket.similar_ticket_ids = (
                self._search_similar_tickets(text, limit=5, exclude_ids=[exclude])
                if len(text) >= 3
                else False
            )
            ticket.similar_article_ids = (
                self.env["it.knowledge.article"]._search_similar(text, limit=5)
                if len(text) >= 3
                else False
            )
            scope = []
            if ticket.system_id:
                scope.append(("system_ids", "in", ticket.system_id.ids))
            if ticket.region_id:
                scope.append(("region_ids", "in", ticket.region_id.ids))
            if scope:
                scope_domain = ["|", *scope] if len(scope) == 2 else scope
                ticket.suggested_incident_ids = Incident.search(
                    [("state", "in", ("declared", "investigating")), *scope_domain], limit=5
                )
                ticket.suggested_notice_ids = Notice.search(
                    [
                        ("state", "=", "published"),
                        ("date_start", "<=", fields.Datetime.now()),
                        ("date_end", ">=", fields.Datetime.now()),
                        *scope_domain,
                    ],
                    limit=5,
                )
            else:
                ticket.suggested_incident_ids = False
                ticket.suggested_notice_ids = False

    @api.depends("category_id", "system_id")
    def _compute_recurring_hint(self):
        threshold = self._param("recurring_threshold", 5)
        window = self._param("recurring_window_hours", 24)
        since = fields.Datetime.now() - timedelta(hours=window)
        tickets = self.filtered(lambda t: t.system_id or t.category_id)
        counts = {}
        for field in ("system_id", "category_id"):
            values = tickets[field]
            if values:
                counts[field] = dict(
                    self.with_context(active_test=False)._read_group(
                        [
                            (field, "in", values.ids),
                            ("create_date", ">=", since),
                            ("is_redirected", "=", False),
                        ],
                        [field],
                        ["__count"],
                    )
                )
        for ticket in self:
            hint = False
            for field in ("system_id", "category_id"):
                value = ticket[field]
                count = counts.get(field, {}).get(value, 0) if value else 0
                if count >= threshold:
                    hint = self.env._(
                        "%(count)s tickets on %(what)s in the last %(hours)s hours: "
                        "consider a problem or a major incident.",
                        count=count,
                        what=value.display_name,
                        hours=window,
                    )
                    break
            ticket.recurring_hint = hint

    @api.depends("ref", "name")
    def _compute_display_name(self):
        for ticket in self:
            ticket.display_name = f"{ticket.ref} {ticket.name}" if ticket.ref else ticket.name

    def _compute_access_url(self):
        # every ticket gets its own URL: portal.mixin's default ('#') is not needed
        for ticket in self:
            ticket.access_url = f"/my/it-tickets/{ticket.id}"

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        unnumbered = [vals for vals in vals_list if vals.get("ref", "/") == "/"]
        for vals, ref in zip(unnumbered, self._next_refs(len(unnumbered)), strict=True):
            vals["ref"] = ref
        for vals in vals_list:
            vals.setdefault("date_last_stage_update", now)
        tickets = super().create(vals_list)
        history = []
        for ticket in tickets:
            history.append(ticket._history_vals("create"))
        # sudo: the history is written by the system for every role, including portal
        self.env["it.ticket.assignment"].sudo().create(history)
        return tickets

    @api.model
    def _next_refs(self, count):
        """``count`` references from the ``it.ticket`` sequence. A plain sequence (Odoo's
        default implementation, no date ranges) hands them out in one statement instead of
        two per ticket; otherwise next_by_code is asked for each."""
        if not count:
            return []
        # sudo: portal users file tickets but may not read sequences; the number is not secret
        sequences = self.env["ir.sequence"].sudo()
        sequence = sequences.search(
            [("code", "=", "it.ticket"), ("company_id", "in", [self.env.company.id, False])],
            order="company_id",
            limit=1,
        )
        if not sequence or sequence.implementation != "standard" or sequence.use_date_range:
            return [sequences.next_by_code("it.ticket") or "/" for _i in range(count)]
        self.env.cr.execute(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s)",
                f"ir_sequence_{sequence.id:03d}",
                count,
            )
        )
        return [sequence.get_next_char(number) for (number,) in self.env.cr.fetchall()]

    def _history_vals(self, event, **extra):
        vals = {
            "ticket_id": self.id,
            "event": event,
            "user_id": self.user_id.id,
            "team_id": self.team_id.id,
            "tier": self.tier,
            "author_id": self.env.uid,
        }
        vals.update(extra)
        return vals

    def write(self, vals):
        if "stage_id" in vals:
            vals.setdefault("date_last_stage_update", fields.Datetime.now())
        tracked = {"user_id", "team_id", "tier"} & vals.keys()
        before = {t.id: (t.user_id.id, t.team_id.id, t.tier) for t in self} if tracked else {}
        result = super().write(vals)
        if tracked:
            event = self.env.context.get("it_history_event")
            history = []
            for ticket in self:
                old_user, old_team, old_tier = before[ticket.id]
                if (old_user, old_team, old_tier) == (
                    ticket.user_id.id,
                    ticket.team_id.id,
                    ticket.tier,
                ):
                    continue
                kind = event or ("tier" if old_tier != ticket.tier else "assign")
                history.append(ticket._history_vals(kind))
            if history:
                # sudo: history rows are system-written for every role allowed to edit the ticket
                self.env["it.ticket.assignment"].sudo().create(history)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        for ticket in self:
            if ticket.state != "new" or ticket.message_ids.filtered(
                lambda m: m.message_type in ("comment", "email")
            ):
                raise UserError(
                    self.env._(
                        "Ticket %(ref)s has a history and cannot be deleted; archive it instead.",
                        ref=ticket.ref,
                    )
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
            if (
                ticket.state == "closed"
                and ticket.close_reason == "resolved"
                and ticket.callback_state in ("none", "pending")
            ):
                raise ValidationError(
                    self.env._(
                        "Ticket %(ref)s cannot close before its callback is done or waived.",
                        ref=ticket.ref,
                    )
                )

    @api.model
    def _read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        # The kanban groups by stage; Odoo orders such groups by the stage's own order, which
        # joins it_stage to each of the rows counted (most of the query's time on a large
        # desk). The groups are one per stage: order them here instead.
        if tuple(groupby) != ("stage_id",) or (order or "stage_id").lower().split() not in (
            ["stage_id"],
            ["stage_id", "asc"],
        ):
            return super()._read_group(domain, groupby, aggregates, having, offset, limit, order)
        rows = super()._read_group(domain, groupby, aggregates, having)
        stages = self.env["it.stage"].browse(row[0].id for row in rows if row[0])
        ordered = stages.with_context(active_test=False).sorted()  # by it.stage._order
        rank = {stage.id: index for index, stage in enumerate(ordered)}
        rows.sort(key=lambda row: rank.get(row[0].id, len(rank)))
        return rows[offset : offset + limit if limit else None]

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        # every stage is a column, even an empty one; stages are a short configuration list
        return stages.search([])  # pylint: disable=no-search-all

    # ------------------------------------------------------------------ lifecycle
    def _check_state(self, allowed, action):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for ticket in self:
            if ticket.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(action)s is not possible for ticket %(ref)s in state %(state)s.",
                        action=action,
                        ref=ticket.ref,
                        state=labels.get(ticket.state, ticket.state),
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
                "context": {
                    "default_ticket_ids": self.ids,
                    "default_team_id": self[:1].system_id.team_id.id,
                },
            }
        # RPC-friendly: ids are accepted as well as records
        if isinstance(team, int):
            team = self.env["it.team"].browse(team)
        if isinstance(user, int):
            user = self.env["res.users"].browse(user)
        if not team or team.tier == "1":
            raise UserError(
                self.env._(
                    "Work orders go to a back-office team (tier 2 or 3), not %(team)s.",
                    team=team.display_name,
                )
            )
        for ticket in self:
            vals = ticket._first_response_vals()
            vals.update(team_id=team.id, tier=team.tier, user_id=user.id if user else False)
            ticket.with_context(it_history_event="dispatch")._move_to("dispatched", **vals)
            ticket.message_post(
                body=Markup("<p>%s</p>")
                % self.env._("Work order dispatched to %(team)s.", team=team.display_name)
                + (Markup("<p>%s</p>") % note if note else Markup("")),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_return(self):
        """Back office hands the ticket back to the front line."""
        self._check_state(("dispatched",), self.env._("Return to front line"))
        for ticket in self:
            front = ticket.front_team_id or ticket._front_line_team()
            previous = ticket.assignment_ids.filtered(
                lambda e, front=front: e.team_id == front and e.user_id
            )[-1:]
            ticket.with_context(it_history_event="return")._move_to(
                "in_progress", team_id=front.id, tier="1", user_id=previous.user_id.id or False
            )
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
            if not ticket.user_id:
                vals["user_id"] = self.env.user.id
            vals.update(date_resolved=fields.Datetime.now(), close_reason="resolved")
            ticket._move_to("resolved", **vals)
        # sudo: history rows are system-written
        self.env["it.ticket.assignment"].sudo().create(
            [ticket._history_vals("resolve") for ticket in self]
        )
        self._create_callbacks()
        return True

    def _create_callbacks(self):
        """The closed loop (閉環): every resolved ticket gets a callback in the queue."""
        # sudo: agents resolving tickets may not create queue items of the callback team
        self.env["it.callback"].sudo().create(
            [{"ticket_id": ticket.id, "company_id": ticket.company_id.id} for ticket in self]
        )
        return True

    def _check_can_close(self):
        for ticket in self:
            if ticket.close_reason == "resolved" and ticket.callback_state not in (
                "done",
                "waived",
                "unreachable",
            ):
                raise UserError(
                    self.env._(
                        "Ticket %(ref)s cannot close before its callback is done or waived.",
                        ref=ticket.ref,
                    )
                )
        return True

    def action_close(self):
        self._check_state(("resolved", "callback"), self.env._("Close"))
        self._check_can_close()
        self._move_to("closed", date_closed=fields.Datetime.now())
        return True

    def _close_unreachable(self, attempts):
        for ticket in self:
            ticket.message_post(
                body=self.env._(
                    "Requester unreachable after %(count)s callback attempts; ticket closed.",
                    count=attempts,
                ),
                subtype_xmlid="mail.mt_note",
            )
        self._move_to("closed", date_closed=fields.Datetime.now())

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
        for ticket in self.with_context(active_test=False):
            pending = ticket.callback_ids.filtered(lambda c: c.state == "pending")
            # sudo: the queue item belongs to the callback team; reopening withdraws it
            pending.sudo().write({"state": "waived", "waive_reason": self.env._("Ticket reopened")})
            ticket.write({"active": True, "reopen_count": ticket.reopen_count + 1})
            ticket._move_to(
                "in_progress",
                date_resolved=False,
                date_closed=False,
                close_reason=False,
                is_redirected=False,
            )
            # sudo: history rows are system-written
            self.env["it.ticket.assignment"].sudo().create(ticket._history_vals("reopen"))
        return True

    def action_callback_done(self):
        """Callback made: the requester confirmed (details recorded on the callback)."""
        self._check_state(("resolved", "callback"), self.env._("Callback done"))
        self._move_to("callback")
        return True

    def action_waive_callback(self, reason=None):
        self._check_state(("resolved", "callback"), self.env._("Waive callback"))
        if not reason:
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Waive Callback"),
                "res_model": "it.callback.wizard",
                "view_mode": "form",
                "target": "new",
                "context": {
                    "default_callback_id": self.callback_ids.filtered(
                        lambda c: c.state == "pending"
                    )[:1].id,
                    "default_mode": "waive",
                },
            }
        for ticket in self:
            pending = ticket.callback_ids.filtered(lambda c: c.state == "pending")
            if pending:
                pending.write(
                    {"state": "waived", "waive_reason": reason, "date_done": fields.Datetime.now()}
                )
            ticket.message_post(
                body=self.env._("Callback waived: %(reason)s", reason=reason),
                subtype_xmlid="mail.mt_note",
            )
        self._move_to("callback")
        return True

    def action_send_rating_request(self):
        """Email the requester a satisfaction survey (one-click rating links)."""
        self._check_state(("resolved", "callback"), self.env._("Send satisfaction survey"))
        template = self.env.ref("it_service_desk.mail_template_ticket_rating")
        for ticket in self:
            if not ticket.partner_id.email:
                raise UserError(
                    self.env._("The requester of %(ref)s has no email address.", ref=ticket.ref)
                )
            ticket.rating_send_request(template, force_send=False)
        return True

    def action_demo_callback_done(self, score, remarks=None):
        """Record the pending callbacks of these tickets as reached (demo data, API)."""
        self.callback_ids.filtered(lambda c: c.state == "pending").action_done(score, remarks)
        return True

    def _apply_callback_rating(self, score, remarks=None):
        """Store the callback satisfaction as an Odoo rating (shared with the email link)."""
        self.ensure_one()
        partner = self.partner_id
        # sudo: rating.rating is only writable by the system; access was checked on the ticket
        rating = (
            self.env["rating.rating"]
            .sudo()
            .create(
                {
                    "partner_id": partner.id,
                    "rated_partner_id": self.user_id.partner_id.id,
                    "res_model_id": self.env["ir.model"]._get_id(self._name),
                    "res_id": self.id,
                    "is_internal": False,
                }
            )
        )
        return self.rating_apply(score, rating=rating, feedback=remarks)

    def rating_apply(
        self,
        rate,
        token=None,
        rating=None,
        feedback=None,
        subtype_xmlid=None,
        notify_delay_send=False,
    ):
        rating = super().rating_apply(
            rate,
            token=token,
            rating=rating,
            feedback=feedback,
            subtype_xmlid=subtype_xmlid,
            notify_delay_send=notify_delay_send,
        )
        self._on_satisfaction(rate, feedback)
        return rating

    def _on_satisfaction(self, rate, feedback=None):
        """A low score opens a review task for the quality analysts."""
        threshold = self._param("low_rating_threshold", 2)
        if rate > threshold:
            return
        group = self.env.ref("it_service_desk.group_it_quality_analyst")
        analysts = group.users.filtered(lambda u: not u.share and u.active and u.id != 1)
        analyst = analysts.sorted("id")[:1] or self.env.user
        for ticket in self:
            # sudo: the requester (portal, public rating link) triggers the review
            ticket.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=analyst.id,
                summary=self.env._("Quality review: low satisfaction (%(rate)s/5)", rate=rate),
                note=feedback or "",
            )

    def action_redirect(self, reason=None, destination=None):
        """Outside IT scope (非IT訴求引導): close as redirected with reason and destination."""
        self._check_state(OPEN_STATES, self.env._("Redirect"))
        if reason is None and destination is None:
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Redirect outside IT"),
                "res_model": "it.ticket.redirect.wizard",
                "view_mode": "form",
                "target": "new",
                "context": {
                    "default_ticket_ids": self.ids,
                    "default_destination": self[:1].category_id.redirect_destination,
                },
            }
        if not (reason and reason.strip() and destination and destination.strip()):
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
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    # ------------------------------------------------------------------ intake
    @api.model
    def action_lookup_requester(self, term, limit=8):
        """Requester lookup by phone or name, for the quick create on a call."""
        term = (term or "").strip()
        if len(term) < 2:
            return self.env["res.partner"]
        digits = "".join(ch for ch in term if ch.isdigit())
        domain = ["|", ("name", "ilike", term), ("email", "ilike", term)]
        if len(digits) >= 4:
            # phones are typed with spaces and dashes: let any separator sit between digits
            pattern = "%".join(digits[-8:])  # local number, whatever the prefix typed
            domain = ["|", "|", *domain, ("phone", "ilike", pattern), ("mobile", "ilike", pattern)]
        return self.env["res.partner"].search(domain, limit=limit)

    @api.onchange("partner_phone")
    def _onchange_partner_phone(self):
        if self.partner_phone and not self.partner_id:
            partners = self.action_lookup_requester(self.partner_phone, limit=2)
            if len(partners) == 1:
                self.partner_id = partners

    @api.onchange("category_id")
    def _onchange_category_outside(self):
        if self.category_id.outside_it:
            return {
                "warning": {
                    "title": self.env._("Outside IT scope"),
                    "message": self.env._(
                        "This category is outside IT scope; redirect the requester to %(dest)s.",
                        dest=self.category_id.redirect_destination or "-",
                    ),
                }
            }
        return None

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """Mail gateway / API: a new email becomes a ticket of the alias' team."""
        values = dict(custom_values or {})
        author = msg_dict.get("author_id")
        values.setdefault("name", msg_dict.get("subject") or self.env._("No subject"))
        values.setdefault("channel", "email")
        values.setdefault("description", msg_dict.get("body"))
        if author:
            values.setdefault("partner_id", author)
        else:
            values.setdefault("email_from", msg_dict.get("email_from"))
        return super().message_new(msg_dict, custom_values=values)

    def message_update(self, msg_dict, update_vals=None):
        """A reply by email threads into the ticket; see message_post for the reopening."""
        return super().message_update(msg_dict, update_vals=update_vals)

    def _requester_partners(self):
        return self.partner_id | self.requester_ids

    def message_post(self, **kwargs):
        message = super().message_post(**kwargs)
        if (
            len(self) == 1
            and message.message_type in ("comment", "email")
            and message.subtype_id == self.env.ref("mail.mt_comment")
            and message.author_id
            and message.author_id in self._requester_partners()
            and not self.env.context.get("it_no_reopen")
        ):
            self._on_requester_reply()
        return message

    def _on_requester_reply(self):
        """The requester answered: waiting resumes, a resolved or closed ticket reopens."""
        ticket = self.sudo()  # sudo: the requester (portal/email) may not write the ticket
        if ticket.state == "waiting":
            ticket._move_to("in_progress")
        elif ticket.state in ("resolved", "callback", "closed") and not ticket.is_redirected:
            if ticket.merged_into_id:
                return
            ticket.action_reopen()

    def _message_get_suggested_recipients(self):
        recipients = super()._message_get_suggested_recipients()
        if self.partner_id:
            self._message_add_suggested_recipient(
                recipients, partner=self.partner_id, reason=self.env._("Requester")
            )
        return recipients

    # ------------------------------------------------------------------ kanban cards
    def web_read(self, specification):
        if len(self) > 1:
            # The user's record rules check their columns when the page's computed fields
            # are read: fetched now, they spare a second read of every column of the page.
            rules = self.env["ir.rule"]._compute_domain(self._name, "read") or []
            names = {
                leaf[0].split(".")[0]
                for leaf in rules
                if isinstance(leaf, (list, tuple)) and isinstance(leaf[0], str)
            }
            names.update(specification)
            self.fetch([name for name in names if name in self._fields])
            if "activity_ids" in specification:
                self._prefill_idle_activity_fields(specification)
        return super().web_read(specification)

    def _prefill_idle_activity_fields(self, specification):
        """The card's activity widget reads six fields computed from ``activity_ids``
        (state, exception, next type, icon, summary) for every card: per-record computes
        that cost more than the rest of the card. Most tickets have no activity, and for
        them each of these fields is empty: read the activities of the page at once and put
        the empty values in the cache, so that only the tickets with activities run the
        mixin's computes (which stay the reference for them)."""
        names = [name for name in ACTIVITY_CARD_FIELDS if name in specification]
        if not names:
            return
        idle = self.filtered(lambda ticket: not ticket.activity_ids)
        if not idle:
            return
        for name in names:
            field = self._fields[name]
            empty = field.convert_to_cache(False, idle)
            self.env.cache.update(idle, field, [empty] * len(idle))

    # ------------------------------------------------------------------ duplicates
    @api.model
    def _has_trigram(self):
        return bool(self.env.registry.has_trigram)

    @api.model
    def _search_similar_tickets(self, text, limit=10, exclude_ids=(), open_only=True):
        """Open tickets whose subject resembles ``text`` (pg_trgm word similarity)."""
        text = (text or "").strip()
        if not text:
            return self.browse()
        states = list(OPEN_STATES) if open_only else [*OPEN_STATES, *DONE_STATES]
        exclude = [i for i in exclude_ids if i] or [0]
        if self._has_trigram():
            self.env["it.ticket"].flush_model(["name", "state", "active"])
            # The planner underestimates the cost of the trigram operator and prefers a
            # sequential scan over the whole table: steer it to the GIN index for this query.
            self.env.cr.execute(SQL("SET enable_seqscan = off"))
            # Rank in tiers: a common subject matches thousands of tickets at the default
            # word-similarity threshold (0.6), and ranking them all costs more than the index
            # scan. The best ``limit * 3`` rows are the same if enough of them reach a higher
            # threshold, so ask with 0.8 first and fall back to the default only when too few
            # tickets are that close.
            ids = []
            for threshold in (SIMILARITY_HIGH, None):
                if threshold is not None:
                    self.env.cr.execute(
                        SQL("SET pg_trgm.word_similarity_threshold = %s", threshold)
                    )
                else:
                    self.env.cr.execute(SQL("RESET pg_trgm.word_similarity_threshold"))
                self.env.cr.execute(
                    SQL(
                        """
                        SELECT id FROM it_ticket
                         WHERE %s %s name AND active AND state IN %s AND id NOT IN %s
                         ORDER BY word_similarity(%s, name) DESC, id DESC
                         LIMIT %s
                        """,
                        text,
                        WORD_SIMILAR,
                        tuple(states),
                        tuple(exclude),
                        text,
                        limit * 3,
                    )
                )
                ids = [row[0] for row in self.env.cr.fetchall()]
                if len(ids) >= limit * 3:
                    break
            self.env.cr.execute(SQL("RESET pg_trgm.word_similarity_threshold"))
            self.env.cr.execute(SQL("RESET enable_seqscan"))
            # record rules apply: re-read through the ORM as the current user, keep the ranking
            allowed = set(self.search([("id", "in", ids)]).ids)
            ranked = [i for i in ids if i in allowed][:limit]
            return self.browse(ranked)
        words = [w for w in text.split() if len(w) >= 3][:5] or [text]
        domain = [("state", "in", states), ("id", "not in", exclude)]
        domain += ["|"] * (len(words) - 1) + [("name", "ilike", w) for w in words]
        return self.search(domain, limit=limit)

    def action_find_similar(self):
        self.ensure_one()
        tickets = self._search_similar_tickets(self.name, limit=20, exclude_ids=[self.id])
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Similar Open Tickets"),
            "res_model": "it.ticket",
            "view_mode": "list,form",
            "domain": [("id", "in", tickets.ids)],
            "context": {"merge_master_candidate": self.id},
        }

    def action_merge_into(self, master):
        """Merge duplicates into ``master``: messages, followers, requesters kept; archived."""
        if isinstance(master, int):
            master = self.browse(master)
        master.ensure_one()
        if master in self:
            raise UserError(self.env._("A ticket cannot be merged into itself."))
        if master.state in ("closed", "cancelled") or not master.active:
            raise UserError(self.env._("Merge into an open ticket."))
        self._check_state(OPEN_STATES, self.env._("Merge"))
        for dup in self:
            # sudo: messages authored by others cannot be re-parented by an agent's rights;
            # access to both tickets was checked by the state checks and writes above/below
            self.env["mail.message"].sudo().search(
                [("model", "=", "it.ticket"), ("res_id", "=", dup.id)]
            ).write({"res_id": master.id})
            master.message_subscribe(partner_ids=dup.message_partner_ids.ids)
            extra = (dup.partner_id | dup.requester_ids) - master.partner_id
            if extra:
                master.requester_ids = [fields.Command.link(p.id) for p in extra]
            dup.with_context(it_no_reopen=True)._move_to(
                "closed",
                merged_into_id=master.id,
                close_reason="duplicate",
                date_closed=fields.Datetime.now(),
            )
            dup.active = False
            dup.with_context(it_no_reopen=True).message_post(
                body=Markup("<p>%s</p>")
                % self.env._("Merged into %(ref)s as a duplicate.", ref=master.display_name),
                subtype_xmlid="mail.mt_note",
            )
            master.with_context(it_no_reopen=True).message_post(
                body=Markup("<p>%s</p>")
                % self.env._("Duplicate %(ref)s merged into this ticket.", ref=dup.display_name),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_open_merge_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Merge Duplicates"),
            "res_model": "it.ticket.merge.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_ids": self.ids},
        }

    # ------------------------------------------------------------------ outages & knowledge
    def action_attach_major_incident(self, incident):
        incident.action_attach_tickets(self)
        return True

    def action_declare_major_incident(self):
        """Declare a major incident from this ticket; the ticket becomes its first child."""
        self.ensure_one()
        if not self.env.user.has_group("it_service_desk.group_it_major_incident_manager"):
            raise UserError(self.env._("Only major-incident managers declare major incidents."))
        if self.major_incident_id:
            raise UserError(self.env._("This ticket already belongs to a major incident."))
        incident = self.env["it.major.incident"].create(
            {
                "name": self.name,
                "description": self.description,
                "origin_ticket_id": self.id,
                "system_ids": [fields.Command.set(self.system_id.ids)],
                "region_ids": [fields.Command.set(self.region_id.ids)],
                "partner_ids": [fields.Command.set(self.partner_id.ids)],
                "company_id": self.company_id.id,
            }
        )
        self.major_incident_id = incident
        return {
            "type": "ir.actions.act_window",
            "res_model": "it.major.incident",
            "res_id": incident.id,
            "view_mode": "form",
        }

    def action_create_article(self):
        """One click: a draft knowledge article from a resolved ticket."""
        self.ensure_one()
        if self.state not in DONE_STATES:
            raise UserError(self.env._("Create articles from resolved tickets."))
        article = self.env["it.knowledge.article"].create(
            {
                "name": self.name,
                "symptom": self.description,
                "solution": self.resolution,
                "category_id": self.category_id.id,
                "system_id": self.system_id.id,
                "ticket_id": self.id,
                "company_id": self.company_id.id,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "it.knowledge.article",
            "res_id": article.id,
            "view_mode": "form",
        }

    def action_create_problem(self):
        """Group this ticket and the recent ones on the same system/category into a problem."""
        self.ensure_one()
        window = self._param("recurring_window_hours", 24)
        since = fields.Datetime.now() - timedelta(hours=window)
        domain = [("create_date", ">=", since), ("problem_id", "=", False)]
        if self.system_id:
            domain.append(("system_id", "=", self.system_id.id))
        elif self.category_id:
            domain.append(("category_id", "=", self.category_id.id))
        else:
            domain.append(("id", "=", self.id))
        tickets = self.search(domain, limit=200) | self
        problem = self.env["it.problem"].create(
            {
                "name": self.name,
                "description": self.description,
                "category_id": self.category_id.id,
                "system_id": self.system_id.id,
                "company_id": self.company_id.id,
            }
        )
        tickets.write({"problem_id": problem.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "it.problem",
            "res_id": problem.id,
            "view_mode": "form",
        }

    def action_view_history(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Assignment History"),
            "res_model": "it.ticket.assignment",
            "view_mode": "list",
            "domain": [("ticket_id", "=", self.id)],
        }

    @api.model
    def _cron_archive_closed(self):
        """Archive (never delete) tickets closed for longer than the configured days."""
        days = self._param("archive_after_days", 30)
        limit = fields.Datetime.now() - timedelta(days=days)
        tickets = self.search(
            [("state", "in", ("closed", "cancelled")), ("date_closed", "<", limit)], limit=5000
        )
        tickets.write({"active": False})
        return len(tickets)

    # ------------------------------------------------------------------ scripts
    # the panel follows the call live on the form: requester, category, incident, state
    _care_script_depends = (
        "state",
        "is_redirected",
        "category_id",
        "major_incident_id",
        "partner_id",
        "name",
        "user_id",
        "team_id",
        "system_id",
    )

    def _care_script_code(self):
        """Which script the agent follows now (codes shipped by customer_care_scripts)."""
        self.ensure_one()
        if self.is_redirected or (self.category_id.outside_it and self.state in OPEN_STATES):
            return "desk_non_it_redirect"
        if self.major_incident_id and self.state in OPEN_STATES:
            return "desk_major_incident_notice"
        if self.state == "dispatched":
            return "desk_dispatch"
        if self.state in ("resolved", "callback"):
            return "desk_callback"
        return "desk_intake"

    def _care_script_values(self):
        self.ensure_one()
        incident = self.major_incident_id
        return {
            "customer_name": self.partner_id.name or "",
            "phone": self.partner_phone or "",
            "ticket_ref": self.ref or "",
            "ticket_subject": self.name or "",
            "staff_name": (self.user_id or self.env.user).name,
            "team_name": self.team_id.name or "",
            "redirect_to": self.redirect_destination or self.category_id.redirect_destination or "",
            "affected_systems": ", ".join(incident.system_ids.mapped("name"))
            if incident
            else (self.system_id.name or ""),
            "regions": ", ".join(incident.region_ids.mapped("name"))
            if incident
            else (self.region_id.name or ""),
            "next_update": fields.Datetime.to_string(incident.date_next_update)
            if incident.date_next_update
            else "",
        }
