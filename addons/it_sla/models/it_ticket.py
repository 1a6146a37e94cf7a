from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from .it_sla_line import COUNTING, _format_delta, sla_status_of

DONE_STATES = ("resolved", "callback", "closed")
ENDED_STATES = (*DONE_STATES, "cancelled")
# fields whose change may select another policy or other targets
SLA_SCOPE_FIELDS = {
    "priority",
    "impact",
    "urgency",
    "is_vip",
    "partner_id",
    "team_id",
    "category_id",
    "company_id",
}
SLA_STATUSES = [
    ("none", "No SLA"),
    ("on_track", "On Track"),
    ("warning", "At Risk"),
    ("paused", "Paused"),
    ("breached", "Breached"),
    ("met", "Met"),
]


class ItTicket(models.Model):
    _inherit = "it.ticket"

    sla_line_ids = fields.One2many("it.sla.line", "ticket_id", string="SLA Timers")
    sla_policy_id = fields.Many2one(
        "it.sla.policy",
        string="SLA Policy",
        compute="_compute_sla_policy_id",
        store=True,
        precompute=True,
        readonly=True,
        copy=False,
        index=True,
        help="The first policy, by sequence, matching the ticket.",
    )
    # not stored: the scheduled pass changes timers only, never the (wide) ticket rows
    sla_status = fields.Selection(
        SLA_STATUSES,
        string="SLA",
        compute="_compute_sla_status",
        search="_search_sla_status",
    )
    sla_deadline = fields.Datetime(
        string="SLA Deadline",
        compute="_compute_sla_deadline",
        store=True,
        copy=False,
        help="The nearest deadline of the timers still counting.",
    )
    sla_remaining = fields.Char(string="SLA Time Left", compute="_compute_sla_remaining")

    @api.depends("priority", "is_vip", "team_id", "category_id", "company_id")
    def _compute_sla_policy_id(self):
        """First matching policy of the open tickets; ended tickets keep theirs."""
        open_tickets = self.filtered(lambda t: t.state not in ENDED_STATES)
        policy_of = self.env["it.sla.policy"]._policy_for_tickets(open_tickets)
        for ticket in self:
            if ticket in policy_of:
                ticket.sla_policy_id = policy_of[ticket]
            else:
                ticket.sla_policy_id = ticket.sla_policy_id

    def _sla_rematch(self):
        """Match the policies again (new or changed policies, reopened tickets)."""
        self.env.add_to_compute(self._fields["sla_policy_id"], self)

    @api.depends("sla_line_ids.status", "sla_line_ids.warning_sent")
    def _compute_sla_status(self):
        for ticket in self:
            ticket.sla_status = sla_status_of(ticket.sla_line_ids)

    @api.depends("sla_line_ids.status", "sla_line_ids.deadline", "sla_line_ids.reached_date")
    def _compute_sla_deadline(self):
        for ticket in self:
            open_deadlines = [
                line.deadline
                for line in ticket.sla_line_ids
                if line.deadline
                and not line.reached_date
                and line.status in ("running", "breached")
            ]
            ticket.sla_deadline = min(open_deadlines) if open_deadlines else False

    def _search_sla_status(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Unsupported search on the SLA status."))
        values = [value] if isinstance(value, str) or not value else list(value)
        if False in values:
            values = [v for v in values if v] + ["none"]

        def has(domain):
            return [("sla_line_ids", "any", domain)]

        def has_not(domain):
            return [("sla_line_ids", "not any", domain)]

        breached = [("status", "=", "breached")]
        warning = [("status", "=", "running"), ("warning_sent", "=", True)]
        running = [("status", "=", "running")]
        paused = [("status", "=", "paused")]
        met = [("status", "=", "met")]
        domains = {
            "breached": has(breached),
            "warning": expression.AND([has_not(breached), has(warning)]),
            "on_track": expression.AND([has_not(breached), has_not(warning), has(running)]),
            "paused": expression.AND([has_not(breached), has_not(running), has(paused)]),
            "met": expression.AND([has_not(breached), has_not(running), has_not(paused), has(met)]),
            "none": has_not([("status", "in", ["breached", "running", "paused", "met"])]),
        }
        domain = expression.OR(
            [domains[v] for v in values if v in domains] or [expression.FALSE_DOMAIN]
        )
        if operator in ("!=", "not in"):
            return ["!", *expression.normalize_domain(domain)]
        return domain

    @api.depends("sla_deadline", "sla_status")
    def _compute_sla_remaining(self):
        now = fields.Datetime.now()
        for ticket in self:
            if ticket.sla_status == "paused":
                ticket.sla_remaining = self.env._("Paused")
            elif ticket.sla_deadline:
                ticket.sla_remaining = _format_delta(self.env, ticket.sla_deadline - now)
            else:
                ticket.sla_remaining = False

    @api.depends("impact", "urgency", "company_id")
    # a compute returns nothing; super() handles the tickets without a matrix cell
    def _compute_priority(self):  # pylint: disable=missing-return
        """Priority from the configurable matrix of it_sla; the desk's fixed matrix for
        companies without one."""
        matrix = self.env["it.sla.priority.matrix"]._matrix(
            self.company_id.ids or [self.env.company.id]
        )
        rest = self.browse()
        for ticket in self:
            company_id = ticket.company_id.id or self.env.company.id
            priority = matrix.get((company_id, ticket.impact, ticket.urgency))
            if priority:
                ticket.priority = priority
            else:
                rest |= ticket
        if rest:
            super(ItTicket, rest)._compute_priority()

    def _sla_recompute_priority(self):
        matrix = self.env["it.sla.priority.matrix"]._matrix(self.company_id.ids)
        per_priority = defaultdict(lambda: self.browse())
        for ticket in self:
            priority = matrix.get((ticket.company_id.id, ticket.impact, ticket.urgency))
            if priority and priority != ticket.priority:
                per_priority[priority] |= ticket
        for priority, tickets in per_priority.items():
            tickets.write({"priority": priority})

    # ------------------------------------------------------------------ hooks
    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        tickets._sla_apply(start=fields.Datetime.now())
        return tickets

    def write(self, vals):
        before = None
        if "stage_id" in vals:
            before = {ticket.id: (ticket.state, ticket.stage_id.sla_pause) for ticket in self}
        res = super().write(vals)
        if before is not None:
            self._sla_on_stage_change(before)
        if "active" in vals and not vals["active"]:
            # an archived ticket is out of the desk's queue: its clocks stop
            self._sla_lines()._cancel()
        if SLA_SCOPE_FIELDS & vals.keys() or vals.get("active"):
            self._sla_apply()
        if vals.get("date_first_response"):
            self._sla_lines().filtered(
                lambda line: line.target_type == "response" and not line.reached_date
            )._reach(fields.Datetime.to_datetime(vals["date_first_response"]))
        return res

    def _sla_lines(self):
        """Every timer of these tickets, in one query; also fills ``sla_line_ids`` in
        the cache, which the SLA status compute reads next."""
        # sudo: timers are system-managed; whoever may change a ticket moves its timers
        lines = (
            self.env["it.sla.line"]
            .sudo()
            .search_fetch(
                [("ticket_id", "in", self.ids)],
                [
                    "ticket_id",
                    "policy_id",
                    "calendar_id",
                    "company_id",
                    "target_type",
                    "target_hours",
                    "start_date",
                    "deadline",
                    "warning_date",
                    "reached_date",
                    "status",
                    "warning_sent",
                    "paused_since",
                    "paused_hours",
                    "breach_date",
                ],
                order="id",
            )
        )
        ids_of = {ticket_id: [] for ticket_id in self.ids}
        for line in lines:
            ids_of[line.ticket_id.id].append(line.id)
        self.env.cache.insert_missing(
            self, self._fields["sla_line_ids"], [tuple(ids_of[tid]) for tid in self.ids]
        )
        return lines

    # ------------------------------------------------------------------ engine
    def _sla_apply(self, start=None):
        """Match each open ticket to its first policy and create or re-target its timers.

        Timers already met or breached are never touched; counting ones keep their start
        and paused time, so a new target keeps the elapsed time."""
        tickets = self.filtered(lambda t: t.active and t.state not in ENDED_STATES)
        if not tickets:
            return
        now = fields.Datetime.now()
        Line = self.env["it.sla.line"].sudo()  # sudo: timers are system-managed
        policy_of = {ticket: ticket.sla_policy_id.sudo() for ticket in tickets}
        lines_of = defaultdict(lambda: Line.browse())
        # fetched at once: the checks below read them ticket by ticket
        fetched = ["ticket_id", "policy_id", "calendar_id", "priority", "target_type"]
        fetched += ["target_hours", "status"]
        for line in Line.search_fetch([("ticket_id", "in", tickets.ids)], fetched, order="id"):
            lines_of[line.ticket_id.id] |= line
        to_create, to_retarget, to_cancel = [], Line.browse(), Line.browse()
        for ticket in tickets:
            policy = policy_of[ticket]
            lines = lines_of[ticket.id]
            counting = lines.filtered(lambda line: line.status in COUNTING)
            if not policy:
                to_cancel |= counting
                continue
            targets = policy._targets()
            for target_type, hours in targets.items():
                current = lines.filtered(lambda line, tt=target_type: line.target_type == tt)
                if not current:
                    if target_type == "response" and (
                        ticket.state != "new" or ticket.date_first_response
                    ):
                        continue
                    to_create.append(
                        {
                            "ticket_id": ticket.id,
                            "policy_id": policy.id,
                            "calendar": policy.calendar_id,
                            "calendar_id": policy.calendar_id.id,
                            "priority": ticket.priority,
                            "target_type": target_type,
                            "target_hours": hours,
                            "start_date": start or ticket.create_date or now,
                            "warning_percent": policy.warning_percent,
                            # given, so that 2 timers per ticket skip default_get
                            "status": "running",
                            "warning_sent": False,
                            "escalation_level": 0,
                        }
                    )
                    continue
                to_retarget |= current.filtered(
                    lambda line, p=policy, h=hours, t=ticket: (
                        line.status in COUNTING
                        and (
                            line.policy_id != p
                            or line.target_hours != h
                            or line.priority != t.priority
                            or line.calendar_id != p.calendar_id
                        )
                    )
                )
            next_lines = counting.filtered(lambda line: line.target_type == "next_response")
            if not policy.next_response_hours:
                to_cancel |= next_lines
            else:
                to_retarget |= next_lines.filtered(
                    lambda line, p=policy: (
                        line.policy_id != p or line.target_hours != p.next_response_hours
                    )
                )
        to_cancel._cancel()
        for line in to_retarget:
            line.policy_id = policy_of[line.ticket_id]
        to_retarget._retarget()
        if to_create:
            Line._fill_deadlines(to_create)
            for vals in to_create:
                del vals["calendar"], vals["warning_percent"]
            created = Line.create(to_create)
            waiting = created.filtered(lambda line: line.ticket_id.stage_id.sla_pause)
            for line in waiting:
                line._pause(now, line.ticket_id.stage_id.name, line.ticket_id.stage_id)

    def _sla_on_stage_change(self, before):
        def relevant(ticket):
            old_state, old_pause = before[ticket.id]
            return (
                old_pause != ticket.stage_id.sla_pause
                or old_state in ENDED_STATES
                or ticket.state in ENDED_STATES
                or (old_state == "new" and ticket.state != "new")
            )

        self.filtered(relevant)._sla_stage_transitions(before)

    def _sla_stage_transitions(self, before):
        if not self:
            return
        now = fields.Datetime.now()
        lines = self._sla_lines()
        Line = lines.browse()
        lines_of = defaultdict(lambda: Line)
        for line in lines:
            lines_of[line.ticket_id.id] |= line
        resume, reach, reopen, pause, cancel = Line, Line, Line, Line, Line
        reopened = self.browse()
        for ticket in self:
            old_state, old_pause = before[ticket.id]
            new_state, new_pause = ticket.state, ticket.stage_id.sla_pause
            ticket_lines = lines_of[ticket.id]
            if old_pause and not new_pause:
                resume |= ticket_lines
            if new_state == "cancelled":
                cancel |= ticket_lines
            elif new_state in DONE_STATES:
                reach |= ticket_lines.filtered(lambda line: not line.reached_date)
            else:
                if old_state in ENDED_STATES:
                    reopened |= ticket
                    reopen |= ticket_lines.filtered(lambda line: line.target_type == "resolution")
                if new_state != "new":
                    reach |= ticket_lines.filtered(
                        lambda line: line.target_type == "response" and not line.reached_date
                    )
                if new_pause and not old_pause:
                    pause |= ticket_lines
        resume._resume(now)
        cancel._cancel()
        reach._reach(now)
        reopen._reopen(now)
        reopened._sla_rematch()
        reopened._sla_apply()
        for ticket in self:
            if ticket.stage_id.sla_pause and not before[ticket.id][1]:
                reason = self.env.context.get("sla_pause_reason") or ticket.stage_id.name
                (pause & lines_of[ticket.id])._pause(now, reason, ticket.stage_id)

    def _message_post_after_hook(self, message, msg_vals):
        res = super()._message_post_after_hook(message, msg_vals)
        if message.message_type in ("comment", "email") and not message.subtype_id.internal:
            self._sla_on_message(message)
        return res

    def _sla_on_message(self, message):
        """Next-response target: a requester message starts it, an agent's reply meets it."""
        for ticket in self.filtered(lambda t: t.state not in ENDED_STATES):
            author = message.author_id
            from_agent = bool(author.user_ids.filtered(lambda user: not user.share)) and (
                author != ticket.partner_id
            )
            lines = ticket._sla_lines().filtered(
                lambda line: line.target_type == "next_response" and line.status in COUNTING
            )
            if from_agent:
                lines._reach(fields.Datetime.now())
                continue
            policy = ticket.sla_policy_id.sudo()  # sudo: requesters do not read policies
            if lines or not policy.next_response_hours or ticket.state == "new":
                # the first response has its own target; next responses follow it
                continue
            vals = {
                "ticket_id": ticket.id,
                "policy_id": policy.id,
                "calendar": policy.calendar_id,
                "calendar_id": policy.calendar_id.id,
                "priority": ticket.priority,
                "target_type": "next_response",
                "target_hours": policy.next_response_hours,
                "start_date": fields.Datetime.now(),
                "warning_percent": policy.warning_percent,
            }
            Line = self.env["it.sla.line"].sudo()  # sudo: timers are system-managed
            Line._fill_deadlines([vals])
            del vals["calendar"], vals["warning_percent"]
            line = Line.create(vals)
            if ticket.stage_id.sla_pause:
                line._pause(fields.Datetime.now(), ticket.stage_id.name, ticket.stage_id)

    def action_view_sla_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("it_sla.it_sla_line_action")
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {}
        return action
