from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class ItMajorIncident(models.Model):
    """A major incident (重大故障): many callers, one outage, timed status updates."""

    _name = "it.major.incident"
    _description = "Major Incident"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "state_sequence, date_declared desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    ref = fields.Char(string="Reference", readonly=True, copy=False, default="/", index=True)
    description = fields.Html()
    state = fields.Selection(
        [
            ("declared", "Declared"),
            ("investigating", "Investigating"),
            ("resolved", "Resolved"),
            ("closed", "Closed"),
        ],
        default="declared",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    manager_id = fields.Many2one(
        "res.users",
        string="Incident Manager",
        default=lambda self: self.env.user,
        tracking=True,
        domain=[("share", "=", False)],
    )
    ticket_ids = fields.One2many("it.ticket", "major_incident_id", string="Child Tickets")
    ticket_count = fields.Integer(compute="_compute_ticket_count")
    origin_ticket_id = fields.Many2one(
        "it.ticket", string="Declared From", readonly=True, copy=False
    )
    system_ids = fields.Many2many("it.business.system", string="Affected Systems")
    region_ids = fields.Many2many("it.region", string="Affected Regions")
    partner_ids = fields.Many2many(
        "res.partner",
        "it_major_incident_subscriber_rel",
        "incident_id",
        "partner_id",
        string="Subscribers",
        help="Stakeholders notified of every status update (通傳通報).",
    )
    impact = fields.Selection(
        [("1", "High"), ("2", "Medium"), ("3", "Low")], default="1", required=True, tracking=True
    )
    date_declared = fields.Datetime(default=fields.Datetime.now, required=True, copy=False)
    date_resolved = fields.Datetime(copy=False, readonly=True)
    update_interval = fields.Integer(
        string="Update Every (min)",
        default=30,
        required=True,
        help="Subscribers get a status update at least this often until the incident is resolved.",
    )
    date_next_update = fields.Datetime(
        compute="_compute_date_next_update", store=True, index=True, string="Next Update Due"
    )
    date_last_update = fields.Datetime(readonly=True, copy=False)
    date_update_reminded = fields.Datetime(readonly=True, copy=False)
    update_ids = fields.One2many("it.major.incident.update", "incident_id", string="Status Updates")
    post_incident_report = fields.Html(copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {"declared": 1, "investigating": 2, "resolved": 3, "closed": 4}
        for incident in self:
            incident.state_sequence = order.get(incident.state, 9)

    def _compute_ticket_count(self):
        counts = dict(
            self.env["it.ticket"]._read_group(
                [("major_incident_id", "in", self.ids)], ["major_incident_id"], ["__count"]
            )
        )
        for incident in self:
            incident.ticket_count = counts.get(incident, 0)

    @api.depends("date_declared", "date_last_update", "update_interval", "state")
    def _compute_date_next_update(self):
        for incident in self:
            if incident.state in ("resolved", "closed"):
                incident.date_next_update = False
                continue
            base = incident.date_last_update or incident.date_declared or fields.Datetime.now()
            incident.date_next_update = base + timedelta(minutes=incident.update_interval or 30)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("ref", "/") == "/":
                vals["ref"] = self.env["ir.sequence"].next_by_code("it.major.incident") or "/"
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_declared(self):
        if self.filtered("ticket_ids") or self.filtered("update_ids"):
            raise UserError(
                self.env._("Major incidents with history cannot be deleted; archive them.")
            )

    def _check_open(self):
        for incident in self:
            if incident.state not in ("declared", "investigating"):
                raise UserError(
                    self.env._("Major incident %(ref)s is no longer open.", ref=incident.ref)
                )

    def action_investigate(self):
        self._check_open()
        self.write({"state": "investigating"})
        return True

    def action_post_update(self, body):
        """Record a status update and notify subscribers (通傳通報)."""
        self._check_open()
        if not body:
            raise UserError(self.env._("A status update needs a text."))
        now = fields.Datetime.now()
        for incident in self:
            self.env["it.major.incident.update"].create(
                {"incident_id": incident.id, "body": body, "date": now}
            )
            incident._notify_subscribers(body)
            incident.write({"date_last_update": now, "date_update_reminded": False})
        return True

    def _notify_subscribers(self, body, subject=None):
        self.ensure_one()
        self.message_post(
            body=body,
            subject=subject
            or self.env._("Status update: %(ref)s %(name)s", ref=self.ref, name=self.name),
            partner_ids=self.partner_ids.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def action_resolve(self, body=None):
        self._check_open()
        now = fields.Datetime.now()
        for incident in self:
            text = body or self.env._("The major incident is resolved.")
            incident._notify_subscribers(Markup("<p>%s</p>") % text)
            incident.write({"state": "resolved", "date_resolved": now})
        return True

    def action_close(self):
        for incident in self:
            if incident.state != "resolved":
                raise UserError(self.env._("Only a resolved major incident can be closed."))
            if not incident.post_incident_report or incident.post_incident_report == "<p><br></p>":
                raise UserError(self.env._("Write the post-incident report before closing."))
        self.write({"state": "closed"})
        return True

    def action_attach_tickets(self, tickets):
        self._check_open()
        self.ensure_one()
        tickets.write({"major_incident_id": self.id})
        self.message_subscribe(partner_ids=tickets.partner_id.ids)
        return True

    def action_attach_from_context(self):
        """One click from a caller's ticket: attach it as a child of this incident."""
        ticket = self.env["it.ticket"].browse(self.env.context.get("it_ticket_id"))
        if not ticket.exists():
            raise UserError(self.env._("Save the ticket first."))
        return self.action_attach_tickets(ticket)

    def action_view_tickets(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Child Tickets"),
            "res_model": "it.ticket",
            "view_mode": "list,form",
            "domain": [("major_incident_id", "=", self.id)],
            "context": {"default_major_incident_id": self.id},
        }

    @api.model
    def _cron_remind_updates(self):
        """Remind the manager (activity) when a status update is due; once per due time."""
        now = fields.Datetime.now()
        due = self.search(
            [
                ("state", "in", ("declared", "investigating")),
                ("date_next_update", "<=", now),
                ("date_update_reminded", "=", False),
            ]
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        for incident in due:
            incident.activity_schedule(
                act_type_xmlid="mail.mail_activity_data_todo" if activity_type else None,
                user_id=(incident.manager_id or self.env.user).id,
                summary=self.env._("Status update due for %(ref)s", ref=incident.ref),
                date_deadline=fields.Date.context_today(incident),
            )
        due.write({"date_update_reminded": now})
        return len(due)


class ItMajorIncidentUpdate(models.Model):
    _name = "it.major.incident.update"
    _description = "Major Incident Status Update"
    _order = "date desc, id desc"

    incident_id = fields.Many2one(
        "it.major.incident", required=True, ondelete="cascade", index=True
    )
    date = fields.Datetime(default=fields.Datetime.now, required=True)
    body = fields.Html(required=True)
    author_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    company_id = fields.Many2one(related="incident_id.company_id", store=True)
