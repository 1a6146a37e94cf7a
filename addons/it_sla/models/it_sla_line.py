from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.addons.it_service_desk.models.it_ticket import PRIORITIES
from odoo.exceptions import AccessError
from odoo.tools import SQL

from .sla_worktime import WorkTime

TARGET_TYPES = [
    ("response", "First Response"),
    ("resolution", "Resolution"),
    ("next_response", "Next Response"),
]
STATUSES = [
    ("running", "Running"),
    ("paused", "Paused"),
    ("met", "Met"),
    ("breached", "Breached"),
    ("cancelled", "Cancelled"),
]
COUNTING = ("running", "paused")


class ItSlaLine(models.Model):
    """One service-level timer of a ticket: a target, its deadline and how it ended."""

    _name = "it.sla.line"
    _inherit = ["it.batch.defaults.mixin"]  # created two or three per ticket
    _description = "SLA Timer"
    _order = "deadline, id"
    _rec_name = "target_type"
    _check_company_auto = True

    ticket_id = fields.Many2one(
        "it.ticket", required=True, ondelete="cascade", index=True, readonly=True
    )
    policy_id = fields.Many2one(
        "it.sla.policy", required=True, ondelete="cascade", index=True, readonly=True
    )
    calendar_id = fields.Many2one("resource.calendar", string="Working Time", readonly=True)
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    team_id = fields.Many2one(related="ticket_id.team_id", store=True, string="Team")
    user_id = fields.Many2one(related="ticket_id.user_id", string="Assignee")
    priority = fields.Selection(PRIORITIES, readonly=True, help="Priority the target is for.")
    is_vip = fields.Boolean(related="ticket_id.is_vip", string="VIP")
    target_type = fields.Selection(TARGET_TYPES, string="Target", required=True, readonly=True)
    target_hours = fields.Float(string="Target (h)", readonly=True)
    start_date = fields.Datetime(string="Started", required=True, readonly=True)
    # the scheduled pass reads partial indexes (see init); few plain ones keep updates cheap
    deadline = fields.Datetime(readonly=True)
    warning_date = fields.Datetime(readonly=True)
    reached_date = fields.Datetime(string="Reached", readonly=True)
    status = fields.Selection(STATUSES, required=True, default="running", index=True, readonly=True)
    paused_since = fields.Datetime(readonly=True)
    paused_hours = fields.Float(string="Paused (working h)", readonly=True)
    pause_ids = fields.One2many("it.sla.pause", "line_id", string="Pauses", readonly=True)
    working_hours = fields.Float(
        string="Time Taken (working h)",
        readonly=True,
        aggregator="avg",
        help="Working hours from start to the moment the target was reached, pauses excluded.",
    )
    warning_sent = fields.Boolean(readonly=True, copy=False, default=False)
    escalation_level = fields.Integer(readonly=True, copy=False, default=0)
    breach_date = fields.Datetime(readonly=True)
    breach_stage_id = fields.Many2one("it.stage", string="Stage at Breach", readonly=True)
    breach_user_id = fields.Many2one("res.users", string="Assignee at Breach", readonly=True)
    breach_reason = fields.Text(help="Why the target was missed, for the SLA analysis.")
    compliance = fields.Float(
        string="Compliance (%)",
        aggregator="avg",
        readonly=True,
        help="100 when met, 0 when breached, empty while the timer runs.",
    )
    remaining = fields.Char(compute="_compute_remaining", string="Time Left")

    def init(self):
        # the scheduled pass reads only counting timers: keep its scans small
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS it_sla_line_running_deadline_idx "
                "ON it_sla_line (deadline) WHERE status = 'running'"
            )
        )
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS it_sla_line_warning_due_idx "
                "ON it_sla_line (warning_date) WHERE status = 'running' AND warning_sent IS NOT TRUE"
            )
        )
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS it_sla_line_breached_open_idx "
                "ON it_sla_line (deadline) WHERE status = 'breached' AND reached_date IS NULL"
            )
        )

    @api.depends("deadline", "status", "reached_date")
    def _compute_remaining(self):
        now = fields.Datetime.now()
        for line in self:
            if line.status == "paused":
                line.remaining = self.env._("Paused")
            elif line.reached_date or line.status == "cancelled" or not line.deadline:
                line.remaining = False
            else:
                line.remaining = _format_delta(self.env, line.deadline - now)

    @api.depends("target_type", "ticket_id")
    def _compute_display_name(self):
        labels = dict(self._fields["target_type"]._description_selection(self.env))
        for line in self:
            # sudo: only the reference is shown, also for tickets of teams the reader is not in
            ref = line.sudo().ticket_id.ref or ""
            line.display_name = f"{ref} {labels.get(line.target_type, '')}"

    def write(self, vals):
        # timers are moved by the SLA engine (sudo) and the scheduled pass (SQL) only;
        # people may explain a breach, never set a status, deadline or reached time
        if not self.env.su and set(vals) - {"breach_reason"}:
            raise AccessError(
                self.env._(
                    "SLA timers are kept by the system; only the breach reason can be edited."
                )
            )
        return super().write(vals)

    # ------------------------------------------------------------------ deadlines
    @staticmethod
    def _targets_on(worktime, start, target_hours, paused_hours, warning_percent):
        """(deadline, warning date): the target counts from the start, pauses excluded."""
        return (
            worktime.add(start, target_hours + paused_hours),
            worktime.add(start, target_hours * warning_percent / 100.0 + paused_hours),
        )

    @api.model
    def _fill_deadlines(self, items):
        """Set ``deadline`` and ``warning_date`` in dicts holding calendar (record),
        start_date, target_hours, paused_hours and warning_percent; one interval fetch
        per calendar."""
        per_calendar = defaultdict(list)
        for item in items:
            per_calendar[item["calendar"]].append(item)
        for calendar, group in per_calendar.items():
            starts = [item["start_date"] for item in group]
            worktime = WorkTime.for_span(
                calendar,
                min(starts),
                max(starts),
                max(item["target_hours"] + (item.get("paused_hours") or 0.0) for item in group),
            )
            for item in group:
                item["deadline"], item["warning_date"] = self._targets_on(
                    worktime,
                    item["start_date"],
                    item["target_hours"],
                    item.get("paused_hours") or 0.0,
                    item["warning_percent"],
                )

    def _per_calendar(self):
        groups = defaultdict(lambda: self.browse())
        for line in self:
            groups[line.calendar_id] |= line
        return groups.items()

    def _worktime(self, calendar, first, last, hours=0.0):
        return WorkTime.for_span(calendar, first, last, hours)

    def _recompute_deadlines(self):
        for calendar, group in self._per_calendar():
            worktime = self._worktime(
                calendar,
                min(group.mapped("start_date")),
                max(group.mapped("start_date")),
                max(line.target_hours + line.paused_hours for line in group),
            )
            for line in group:
                deadline, warning = self._targets_on(
                    worktime,
                    line.start_date,
                    line.target_hours,
                    line.paused_hours,
                    line.policy_id.warning_percent,
                )
                line.write({"deadline": deadline, "warning_date": warning})

    def _retarget(self):
        """Follow the policy's current targets, keeping the start (elapsed time is kept)."""
        for line in self:
            policy = line.policy_id
            hours = (
                policy.next_response_hours
                if line.target_type == "next_response"
                else policy._targets()[line.target_type]
            )
            line.write(
                {
                    "calendar_id": policy.calendar_id.id,
                    "target_hours": hours,
                    "priority": line.ticket_id.priority,
                }
            )
        self._recompute_deadlines()

    # ------------------------------------------------------------------ transitions
    def _pause(self, now, reason, stage=None):
        lines = self.filtered(lambda line: line.status == "running" and not line.reached_date)
        if not lines:
            return
        lines.write({"status": "paused", "paused_since": now})
        self.env["it.sla.pause"].create(
            [
                {
                    **line._pause_vals(),
                    "date_start": now,
                    "reason": reason,
                    "stage_id": stage.id if stage else False,
                }
                for line in lines
            ]
        )

    def _pause_vals(self):
        self.ensure_one()
        return {
            "line_id": self.id,
            "ticket_id": self.ticket_id.id,
            "policy_id": self.policy_id.id,
            "target_type": self.target_type,
            "company_id": self.company_id.id,
        }

    def _resume(self, now):
        """End the pause: the deadline and the warning move by the working time spent
        paused. Pushing them forward equals counting again from the start with the longer
        pause, and only needs the calendar from the pause on, whatever the ticket's age."""
        lines = self.filtered(lambda line: line.status == "paused")
        if not lines:
            return
        closed = []
        for calendar, group in lines._per_calendar():
            moments = [line.paused_since or now for line in group]
            moments += [date for line in group for date in (line.deadline, line.warning_date)]
            moments = [moment for moment in moments if moment]
            worktime = self._worktime(calendar, min(moments), max([*moments, now]))
            for line in group:
                hours = worktime.between(line.paused_since or now, now)
                vals = {
                    "status": "running",
                    "paused_since": False,
                    "paused_hours": line.paused_hours + hours,
                }
                if hours and line.deadline:
                    vals["deadline"] = worktime.add(line.deadline, hours)
                if hours and line.warning_date:
                    vals["warning_date"] = worktime.add(line.warning_date, hours)
                line.write(vals)
                closed.append(SQL("(%s, %s)", line.id, hours))
        # close the open pause records in one statement
        self.env["it.sla.pause"].flush_model()
        self.env.cr.execute(
            SQL(
                """UPDATE it_sla_pause p SET date_end = %s, duration_hours = v.hours
                     FROM (VALUES %s) AS v(line_id, hours)
                    WHERE p.line_id = v.line_id AND p.date_end IS NULL""",
                now,
                SQL(", ").join(closed),
            )
        )
        self.env["it.sla.pause"].invalidate_model(["date_end", "duration_hours"])

    def _reach(self, now):
        """The target is reached now: met when on time, breached when late."""
        lines = self.filtered(lambda line: line.status != "cancelled" and not line.reached_date)
        if not lines:
            return
        lines._resume(now)
        for calendar, group in lines._per_calendar():
            worktime = self._worktime(calendar, min(group.mapped("start_date")), now)
            for line in group:
                hours = worktime.between(line.start_date, now)
                late = line.status == "breached" or (line.deadline and now > line.deadline)
                vals = {
                    "reached_date": now,
                    "working_hours": max(0.0, hours - line.paused_hours),
                    "status": "breached" if late else "met",
                }
                if late and not line.breach_date:
                    vals.update(
                        breach_date=line.deadline,
                        breach_stage_id=line.ticket_id.stage_id.id,
                        breach_user_id=line.ticket_id.user_id.id,
                    )
                line.write(vals)
        lines._sync_compliance()

    def _sync_compliance(self):
        """compliance is 100 (met), 0 (breached) or empty (not decided yet), so that its
        average is the compliance rate. Written in SQL: the ORM would not tell an empty
        float from 0."""
        if not self:
            return
        self.flush_recordset(["status"])
        self.env.cr.execute(
            SQL(
                """UPDATE it_sla_line
                      SET compliance = CASE status WHEN 'met' THEN 100
                                                   WHEN 'breached' THEN 0 END
                    WHERE id = ANY(%s)""",
                self.ids,
            )
        )
        self.invalidate_recordset(["compliance"])

    def _reopen(self, now):
        """A reopened ticket resumes its resolution timer; the resolved spell counts as a
        pause, so the deadline moves by it."""
        lines = self.filtered(lambda line: line.reached_date and line.status in ("met", "breached"))
        if not lines:
            return
        reason = self.env._("Resolved, then reopened")
        pauses = []
        for calendar, group in lines._per_calendar():
            worktime = self._worktime(
                calendar,
                min(group.mapped("start_date")),
                now,
                max(line.target_hours + line.paused_hours for line in group),
            )
            for line in group:
                hours = worktime.between(line.reached_date, now)
                paused = line.paused_hours + hours
                deadline, warning = self._targets_on(
                    worktime,
                    line.start_date,
                    line.target_hours,
                    paused,
                    line.policy_id.warning_percent,
                )
                pauses.append(
                    {
                        **line._pause_vals(),
                        "date_start": line.reached_date,
                        "date_end": now,
                        "duration_hours": hours,
                        "reason": reason,
                    }
                )
                line.write(
                    {
                        "reached_date": False,
                        "working_hours": 0.0,
                        "paused_hours": paused,
                        "status": "running" if line.status == "met" else "breached",
                        "deadline": deadline,
                        "warning_date": warning,
                    }
                )
        self.env["it.sla.pause"].create(pauses)
        lines._sync_compliance()

    def _cancel(self):
        self.filtered(lambda line: line.status in COUNTING).write(
            {"status": "cancelled", "paused_since": False}
        )

    # ------------------------------------------------------------------ scheduled pass
    @api.model
    def _cron_check_sla(self, now=None):
        """Warn, mark breaches and escalate, set-wise.

        Each step is one UPDATE ... RETURNING over the rows it locks with FOR UPDATE SKIP
        LOCKED, so two workers never handle the same timer, and a timer handled once is no
        longer a candidate (warning_sent, status, escalation_level), so a second run
        notifies nobody again. The number of statements depends on the number of
        escalation levels and recipients, never on the number of tickets.
        """
        now = now or fields.Datetime.now()
        self.env.flush_all()
        cr = self.env.cr
        uid = self.env.uid
        cr.execute(
            SQL(
                """
                WITH cand AS (
                    SELECT id FROM it_sla_line
                     WHERE status = 'running' AND warning_sent IS NOT TRUE
                       AND warning_date <= %(now)s AND deadline > %(now)s
                     ORDER BY id
                       FOR UPDATE SKIP LOCKED
                )
                UPDATE it_sla_line l
                   SET warning_sent = TRUE, write_date = %(now)s, write_uid = %(uid)s
                  FROM cand
                 WHERE l.id = cand.id
             RETURNING l.id
                """,
                now=now,
                uid=uid,
            )
        )
        warned = [row[0] for row in cr.fetchall()]
        cr.execute(
            SQL(
                """
                WITH cand AS (
                    SELECT id FROM it_sla_line
                     WHERE status = 'running' AND deadline <= %(now)s
                     ORDER BY id
                       FOR UPDATE SKIP LOCKED
                )
                UPDATE it_sla_line l
                   SET status = 'breached', breach_date = l.deadline, warning_sent = TRUE,
                       compliance = 0, breach_stage_id = t.stage_id,
                       breach_user_id = t.user_id,
                       write_date = %(now)s, write_uid = %(uid)s
                  FROM cand, it_ticket t
                 WHERE l.id = cand.id AND t.id = l.ticket_id
             RETURNING l.id
                """,
                now=now,
                uid=uid,
            )
        )
        breached = [row[0] for row in cr.fetchall()]
        recipients = defaultdict(int)
        if warned:
            for user_id in self._sla_insert_activities(warned, None, now):
                recipients[user_id] += 1
        escalated_lines = []
        # sudo: the pass covers the escalation levels of every company
        max_level = (
            self.env["it.sla.escalation"]
            .sudo()
            .search_read([], ["level"], order="level desc", limit=1)
        )
        for _step in range(max_level[0]["level"] if max_level else 0):
            cr.execute(
                SQL(
                    """
                    WITH cand AS (
                        SELECT l.id, e.id AS escalation_id, e.level
                          FROM it_sla_line l
                          JOIN it_sla_escalation e
                            ON e.policy_id = l.policy_id AND e.level = COALESCE(l.escalation_level, 0) + 1
                         WHERE l.status = 'breached' AND l.reached_date IS NULL
                           AND l.deadline
                               <= %(now)s - make_interval(secs => COALESCE(e.delay_hours, 0) * 3600)
                         ORDER BY l.id
                           FOR UPDATE OF l SKIP LOCKED
                    )
                    UPDATE it_sla_line l
                       SET escalation_level = cand.level, write_date = %(now)s,
                           write_uid = %(uid)s
                      FROM cand
                     WHERE l.id = cand.id
                 RETURNING l.id, cand.escalation_id
                    """,
                    now=now,
                    uid=uid,
                )
            )
            rows = cr.fetchall()
            if not rows:
                break
            escalated_lines += [row[0] for row in rows]
            for user_id in self._sla_insert_activities(
                [row[0] for row in rows], [row[1] for row in rows], now
            ):
                recipients[user_id] += 1
            self._sla_apply_escalation_actions(rows, now)
        if warned or breached or escalated_lines:
            self.env["it.sla.line"].invalidate_model()
            self.env["it.ticket"].invalidate_model(["priority", "team_id", "sla_status"])
        self._sla_notify(recipients)
        return {"warned": len(warned), "breached": len(breached), "escalated": len(escalated_lines)}

    @api.model
    def _sla_insert_activities(self, line_ids, escalation_ids, now):
        """One to-do activity per handled timer for its recipient, in one INSERT.

        Warnings go to the assignee (else the team lead); escalations to the team lead or
        manager of their level. Returns the recipients' user ids, one per activity."""
        labels = dict(self._fields["target_type"]._description_selection(self.env))
        if escalation_ids is None:
            summary = SQL(
                "CASE l.target_type WHEN 'response' THEN %s WHEN 'resolution' THEN %s ELSE %s END",
                self.env._("SLA warning: %s due soon", labels["response"]),
                self.env._("SLA warning: %s due soon", labels["resolution"]),
                self.env._("SLA warning: %s due soon", labels["next_response"]),
            )
            recipient = SQL("COALESCE(t.user_id, tm.leader_id)")
            escalation_join = SQL("")
            source = SQL("unnest(%s::int[]) AS x(line_id)", line_ids)
        else:
            summary = SQL(
                "CASE l.target_type WHEN 'response' THEN %s WHEN 'resolution' THEN %s "
                "ELSE %s END || ' (' || %s || ' ' || e.level || ')'",
                self.env._("SLA breached: %s", labels["response"]),
                self.env._("SLA breached: %s", labels["resolution"]),
                self.env._("SLA breached: %s", labels["next_response"]),
                self.env._("escalation level"),
            )
            recipient = SQL("CASE e.notify WHEN 'leader' THEN tm.leader_id ELSE tm.manager_id END")
            escalation_join = SQL("JOIN it_sla_escalation e ON e.id = x.escalation_id")
            source = SQL(
                "unnest(%s::int[], %s::int[]) AS x(line_id, escalation_id)",
                line_ids,
                escalation_ids,
            )
        activity_type = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO mail_activity (
                    res_model_id, res_model, res_id, res_name, activity_type_id, user_id,
                    summary, date_deadline, automated, active,
                    create_uid, write_uid, create_date, write_date)
                SELECT %(model_id)s, 'it.ticket', t.id, t.ref || ' ' || t.name, %(type_id)s,
                       r.user_id, %(summary)s, %(today)s, TRUE, TRUE,
                       %(uid)s, %(uid)s, %(now)s, %(now)s
                  FROM %(source)s
                  JOIN it_sla_line l ON l.id = x.line_id
                  JOIN it_ticket t ON t.id = l.ticket_id
                  %(escalation_join)s
             LEFT JOIN it_team tm ON tm.id = t.team_id
                 CROSS JOIN LATERAL (SELECT %(recipient)s AS user_id) r
                 WHERE r.user_id IS NOT NULL
             RETURNING user_id
                """,
                model_id=self.env["ir.model"]._get_id("it.ticket"),
                type_id=activity_type.id if activity_type else None,
                summary=summary,
                today=now.date(),
                uid=self.env.uid,
                now=now,
                source=source,
                escalation_join=escalation_join,
                recipient=recipient,
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _sla_apply_escalation_actions(self, rows, now):
        """Priority raise and team hand-over of the escalation levels just reached.

        The changes are found in one query and applied through the ORM with one write per
        new value (a few priorities and teams, whatever the number of tickets), so that the
        assignment history, the timers' targets and the stored fields follow; the chatter
        gets one line per ticket, logged in one batch."""
        self.env.cr.execute(
            SQL(
                """
                SELECT l.ticket_id, bool_or(e.raise_priority), max(e.level),
                       (array_agg(e.team_id ORDER BY e.level DESC)
                            FILTER (WHERE e.team_id IS NOT NULL))[1]
                  FROM unnest(%s::int[], %s::int[]) AS x(line_id, escalation_id)
                  JOIN it_sla_line l ON l.id = x.line_id
                  JOIN it_sla_escalation e ON e.id = x.escalation_id
                 WHERE e.raise_priority OR e.team_id IS NOT NULL
                 GROUP BY l.ticket_id
                """,
                [row[0] for row in rows],
                [row[1] for row in rows],
            )
        )
        found = self.env.cr.fetchall()
        if not found:
            return
        # sudo: the scheduled pass acts on every company's tickets; tracking is replaced by
        # the batched chatter line below (per-ticket tracking messages would make the number
        # of statements grow with the tickets)
        tickets = (
            self.env["it.ticket"]
            .sudo()
            .with_context(tracking_disable=True)
            .browse([row[0] for row in found])
        )
        tickets.fetch(["priority", "team_id"])
        labels = dict(tickets._fields["priority"]._description_selection(self.env))
        new_priority, new_team, bodies = defaultdict(list), defaultdict(list), {}
        for ticket_id, raise_priority, level, team_id in found:
            ticket = tickets.browse(ticket_id)
            changes = []
            if raise_priority and ticket.priority and ticket.priority > "1":
                priority = str(int(ticket.priority) - 1)
                new_priority[priority].append(ticket_id)
                changes.append(
                    self.env._(
                        "priority raised from %(old)s to %(new)s",
                        old=labels.get(ticket.priority),
                        new=labels.get(priority),
                    )
                )
            if team_id and ticket.team_id.id != team_id:
                new_team[team_id].append(ticket_id)
                changes.append(
                    self.env._(
                        "handed over to %(team)s",
                        team=tickets.env["it.team"].browse(team_id).display_name,
                    )
                )
            if changes:
                bodies[ticket_id] = Markup("<p>%s</p>") % self.env._(
                    "SLA escalation level %(level)s: %(changes)s.",
                    level=level,
                    changes="; ".join(changes),
                )
        for priority, ids in new_priority.items():
            tickets.browse(ids).write({"priority": priority})
        for team_id, ids in new_team.items():
            tickets.browse(ids).write({"team_id": team_id})
        if bodies:
            tickets.browse(list(bodies))._message_log_batch(
                bodies=bodies, author_id=self.env.ref("base.partner_root").id
            )

    @api.model
    def _sla_notify(self, recipients):
        """One live notification per recipient (not per ticket)."""
        if not recipients:
            return
        users = self.env["res.users"].sudo().browse(list(recipients))  # sudo: cron reads users
        for user in users:
            user._bus_send("mail.activity/updated", {"activity_created": True})
            user._bus_send(
                "simple_notification",
                {
                    "type": "warning",
                    "title": self.env._("Service levels"),
                    "message": self.env._(
                        "%(count)s ticket(s) need your attention (SLA warning or breach).",
                        count=recipients[user.id],
                    ),
                    "sticky": False,
                },
            )


def _format_delta(env, delta):
    seconds = int(delta.total_seconds())
    late = seconds < 0
    seconds = abs(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    text = f"{days} d {hours} h {minutes:02d} min" if days else f"{hours} h {minutes:02d} min"
    if late:
        return env._("Overdue by %(time)s", time=text)
    return env._("%(time)s left", time=text)


def sla_status_of(lines):
    """Python twin of SQL_STATUS_CASE."""
    statuses = set(lines.mapped("status"))
    if "breached" in statuses:
        return "breached"
    running = lines.filtered(lambda line: line.status == "running")
    if running.filtered("warning_sent"):
        return "warning"
    if running:
        return "on_track"
    if "paused" in statuses:
        return "paused"
    if "met" in statuses:
        return "met"
    return "none"
