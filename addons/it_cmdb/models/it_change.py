from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

LEVELS = [("low", "Low"), ("medium", "Medium"), ("high", "High")]


class ItChange(models.Model):
    """A change to the IT estate (變更管理), approved and scheduled, that updates the CMDB."""

    _name = "it.change"
    _description = "IT Change"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _rec_names_search = ["name", "ref"]
    _check_company_auto = True

    ref = fields.Char(string="Reference", readonly=True, copy=False, index=True, default="/")
    name = fields.Char(required=True, tracking=True)
    change_type = fields.Selection(
        [("standard", "Standard"), ("normal", "Normal"), ("emergency", "Emergency")],
        required=True,
        default="normal",
        tracking=True,
        help="Standard: pre-approved routine change. Normal: approved by the change board. "
        "Emergency: fast path, reviewed after implementation.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approval", "Waiting for Approval"),
            ("approved", "Approved"),
            ("scheduled", "Scheduled"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("failed", "Failed"),
            ("rejected", "Rejected"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        readonly=True,
    )
    description = fields.Html(help="What changes and why.")
    risk = fields.Selection(LEVELS, required=True, default="medium", tracking=True)
    impact = fields.Selection(LEVELS, required=True, default="medium", tracking=True)
    requested_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Change Owner",
        default=lambda self: self.env.user,
        tracking=True,
        domain=[("share", "=", False)],
    )
    ci_ids = fields.Many2many(
        "it.ci",
        "it_change_it_ci_rel",
        "change_id",
        "ci_id",
        string="Affected Items",
        check_company=True,
    )
    impacted_service_ids = fields.Many2many(
        "it.ci", compute="_compute_impact", string="Impacted Services"
    )
    impacted_partner_ids = fields.Many2many(
        "res.partner", compute="_compute_impact", string="Impacted Users"
    )
    approver_ids = fields.Many2many(
        "res.users",
        "it_change_approver_rel",
        "change_id",
        "user_id",
        string="Change Board",
        default=lambda self: self.env.company.it_change_board_ids,
        domain=lambda self: [("groups_id", "in", self.env.ref("it_cmdb.group_change_approver").id)],
        help="Every member must approve a normal change.",
    )
    approval_ids = fields.One2many(
        "it.change.approval", "change_id", string="Approvals", copy=False
    )
    approval_pending_mine = fields.Boolean(
        compute="_compute_approval_pending_mine", search="_search_approval_pending_mine"
    )
    date_start = fields.Datetime(string="Window Start", tracking=True, copy=False)
    date_end = fields.Datetime(string="Window End", tracking=True, copy=False)
    causes_downtime = fields.Boolean(
        default=True,
        help="The impacted users receive a planned-downtime notice when the change is scheduled.",
    )
    downtime_notice_id = fields.Many2one("it.downtime.notice", copy=False, readonly=True)
    implementation_steps = fields.Html()
    rollback_plan = fields.Html()
    update_ids = fields.One2many("it.change.ci.update", "change_id", string="CMDB Updates")
    date_done = fields.Datetime(string="Implemented On", copy=False, readonly=True)
    review_required = fields.Boolean(
        compute="_compute_review_required",
        store=True,
        help="Emergency and failed changes need a post-implementation review.",
    )
    review_done = fields.Boolean(string="Reviewed", copy=False, tracking=True, readonly=True)
    review_result = fields.Selection(
        [
            ("success", "Successful"),
            ("issues", "Successful with Issues"),
            ("failed", "Failed"),
        ],
        copy=False,
        tracking=True,
    )
    review_notes = fields.Html(string="Post-Implementation Review", copy=False)
    reviewed_by_id = fields.Many2one("res.users", copy=False, readonly=True)
    caused_ticket_ids = fields.One2many(
        "it.ticket", "caused_by_change_id", string="Incidents Caused"
    )
    caused_ticket_count = fields.Integer(compute="_compute_caused_ticket_count")
    color = fields.Integer()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "window_order",
            "CHECK(date_end IS NULL OR date_start IS NULL OR date_end > date_start)",
            "The change window must end after it starts.",
        ),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends("ci_ids")
    def _compute_impact(self):
        for change in self:
            cis = change.ci_ids._origin
            if not cis:
                change.impacted_service_ids = change.impacted_partner_ids = False
                continue
            impact = cis.get_impact()
            change.impacted_service_ids = impact["services"]
            change.impacted_partner_ids = impact["partners"]

    @api.depends("change_type", "state")
    def _compute_review_required(self):
        for change in self:
            change.review_required = change.change_type == "emergency" or change.state == "failed"

    @api.depends("approval_ids.state", "approval_ids.user_id")
    @api.depends_context("uid")
    def _compute_approval_pending_mine(self):
        for change in self:
            change.approval_pending_mine = change.state == "approval" and any(
                a.user_id == self.env.user and a.state == "pending" for a in change.approval_ids
            )

    def _search_approval_pending_mine(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search."))
        domain = [
            ("state", "=", "approval"),
            ("approval_ids", "any", [("user_id", "=", self.env.uid), ("state", "=", "pending")]),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    def _compute_caused_ticket_count(self):
        counts = dict(
            self.env["it.ticket"]._read_group(
                [("caused_by_change_id", "in", self.ids)], ["caused_by_change_id"], ["__count"]
            )
        )
        for change in self:
            change.caused_ticket_count = counts.get(change, 0)

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("ref", "/") == "/":
                vals["ref"] = self.env["ir.sequence"].next_by_code("it.change") or "/"
        return super().create(vals_list)

    @api.depends("ref", "name")
    def _compute_display_name(self):
        for change in self:
            change.display_name = (
                f"{change.ref} {change.name}" if change.ref and change.ref != "/" else change.name
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if any(change.state not in ("draft", "cancelled") for change in self):
            raise UserError(
                self.env._("Only draft or cancelled changes can be deleted; archive the others.")
            )

    # ------------------------------------------------------------------ helpers
    def _check_state(self, allowed, action):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for change in self:
            if change.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(change)s cannot be %(action)s while it is %(state)s.",
                        change=change.display_name,
                        action=action,
                        state=labels[change.state],
                    )
                )

    def _check_manager(self):
        if not self.env.user.has_group("it_cmdb.group_change_manager"):
            raise AccessError(self.env._("Only change managers can move a change forward."))

    # ------------------------------------------------------------------ workflow
    def action_submit(self):
        self._check_manager()
        self._check_state(("draft",), self.env._("submitted"))
        for change in self:
            if not change.ci_ids and not change.update_ids:
                raise UserError(
                    self.env._(
                        "Name the configuration items %(change)s affects.",
                        change=change.display_name,
                    )
                )
            if change.change_type == "standard":
                change.state = "approved"
                change.message_post(body=self.env._("Standard change: pre-approved."))
            elif change.change_type == "emergency":
                change.state = "approved"
                change.message_post(
                    body=self.env._(
                        "Emergency change: fast path, approved without the board; "
                        "a post-implementation review is required."
                    )
                )
            else:
                if not change.approver_ids:
                    raise UserError(
                        self.env._("A normal change needs a change board: add approvers.")
                    )
                change.approval_ids.unlink()
                change.approval_ids = [
                    fields.Command.create({"user_id": user.id}) for user in change.approver_ids
                ]
                change.state = "approval"
                for user in change.approver_ids:
                    change.activity_schedule(
                        "it_cmdb.mail_activity_change_approval",
                        user_id=user.id,
                        summary=self.env._("Approve change %(ref)s", ref=change.ref),
                    )

    def _my_pending_approval(self):
        self.ensure_one()
        self._check_state(("approval",), self.env._("approved or rejected"))
        approval = self.approval_ids.filtered(
            lambda a: a.user_id == self.env.user and a.state == "pending"
        )
        if not approval:
            raise AccessError(
                self.env._(
                    "You are not a pending approver of %(change)s.", change=self.display_name
                )
            )
        return approval

    def action_approve(self):
        for change in self:
            approval = change._my_pending_approval()
            approval.write({"state": "approved", "date": fields.Datetime.now()})
            change._close_my_activity()
            if all(a.state == "approved" for a in change.approval_ids):
                # the board's unanimous approval is the authorisation: approvers have
                # no write right of their own on the change
                change_sudo = change.sudo()
                change_sudo.state = "approved"
                change_sudo.message_post(body=self.env._("Approved by the whole change board."))

    def action_reject(self):
        for change in self:
            approval = change._my_pending_approval()
            approval.write({"state": "rejected", "date": fields.Datetime.now()})
            change._close_my_activity()
            # one rejection is enough to stop the change; the approver has no write
            # right on the change itself (see action_approve)
            change_sudo = change.sudo()
            change_sudo.state = "rejected"
            change_sudo.message_post(
                body=self.env._(
                    "Rejected by %(user)s: %(comment)s",
                    user=self.env.user.name,
                    comment=approval.comment or "-",
                )
            )
            change_sudo.activity_unlink(["it_cmdb.mail_activity_change_approval"])

    def _close_my_activity(self):
        activities = self.activity_ids.filtered(
            lambda a: (
                a.user_id == self.env.user
                and a.activity_type_id == self.env.ref("it_cmdb.mail_activity_change_approval")
            )
        )
        # the approver completes the to-do assigned to them on a change they may not edit
        activities.sudo().action_feedback(feedback=self.env._("Decision recorded."))

    def action_schedule(self):
        self._check_manager()
        self._check_state(("approved",), self.env._("scheduled"))
        for change in self:
            if not change.date_start or not change.date_end:
                raise UserError(self.env._("Set the change window (start and end) first."))
            if change.causes_downtime:
                change.downtime_notice_id = change._create_downtime_notice()
            change.state = "scheduled"

    def _create_downtime_notice(self):
        self.ensure_one()
        if "it.downtime.notice" not in self.env:
            raise UserError(self.env._("Planned-downtime notices are not available."))
        impact = self.ci_ids.get_impact()
        services = impact["services"] | self.ci_ids.filtered("is_service")
        body = Markup("<p>%s</p><p>%s</p>") % (
            self.env._("Planned maintenance %(ref)s: %(name)s.", ref=self.ref, name=self.name),
            self.env._(
                "Affected services: %(services)s",
                services=", ".join(services.mapped("name")) or "-",
            ),
        )
        notice_vals = {
            "name": self.env._("Planned maintenance: %(name)s", name=self.name),
            "description": body + (self.description or ""),
            "date_start": self.date_start,
            "date_end": self.date_end,
            "partner_ids": [fields.Command.set(impact["partners"].ids)],
            "company_id": self.company_id.id,
        }
        notice_model = self.env["it.downtime.notice"]
        systems = (impact["cis"] | self.ci_ids).business_system_id
        if systems:
            notice_vals["system_ids"] = [fields.Command.set(systems.ids)]
        # the change manager raises the notice on behalf of the desk, which owns notices
        notice = notice_model.sudo().create(notice_vals)
        notice.action_publish()
        self.message_post(
            body=Markup("%s <a href='#' data-oe-model='it.downtime.notice' data-oe-id='%s'>%s</a>")
            % (self.env._("Downtime notice published:"), notice.id, notice.name)
        )
        return notice

    def action_start(self):
        self._check_manager()
        self._check_state(("approved", "scheduled"), self.env._("started"))
        for change in self:
            if change.change_type == "normal" and change.state != "scheduled":
                raise UserError(
                    self.env._("A normal change is scheduled before it is implemented.")
                )
        self.state = "in_progress"

    def action_done(self):
        self._check_manager()
        self._check_state(("in_progress",), self.env._("completed"))
        for change in self:
            change.update_ids._apply()
            change.write({"state": "done", "date_done": fields.Datetime.now()})
            if change.review_required:
                change._schedule_review()
            change._close_downtime_notice()

    def action_fail(self):
        self._check_manager()
        self._check_state(("in_progress",), self.env._("marked as failed"))
        self.write({"state": "failed", "date_done": fields.Datetime.now()})
        for change in self:
            change._schedule_review()
            change._close_downtime_notice()

    def _schedule_review(self):
        self.activity_schedule(
            "it_cmdb.mail_activity_change_review",
            user_id=self.user_id.id or self.env.uid,
            summary=self.env._("Post-implementation review of %(ref)s", ref=self.ref),
        )

    def _close_downtime_notice(self):
        notice = self.downtime_notice_id
        if notice.state == "published":
            # notices belong to the desk; the change closes the one it raised
            notice.sudo().action_done()

    def action_cancel(self):
        self._check_manager()
        self._check_state(
            ("draft", "approval", "approved", "scheduled", "rejected"), self.env._("cancelled")
        )
        for change in self:
            if change.downtime_notice_id.state in ("draft", "published"):
                # see _close_downtime_notice; cancelling tells the recipients
                change.downtime_notice_id.sudo().action_cancel()
        self.write({"state": "cancelled"})
        self.activity_unlink(["it_cmdb.mail_activity_change_approval"])

    def action_draft(self):
        self._check_manager()
        self._check_state(("rejected", "cancelled"), self.env._("reset to draft"))
        self.approval_ids.unlink()
        self.write({"state": "draft"})

    def action_review(self):
        """Close the post-implementation review."""
        self._check_manager()
        self._check_state(("done", "failed"), self.env._("reviewed"))
        for change in self:
            if not change.review_result or not change.review_notes:
                raise UserError(
                    self.env._("Write the review and its result before closing the review.")
                )
        self.write({"review_done": True, "reviewed_by_id": self.env.uid})
        self.activity_feedback(["it_cmdb.mail_activity_change_review"])

    def action_open_caused_tickets(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Incidents Caused"),
            "res_model": "it.ticket",
            "view_mode": "list,form",
            "domain": [("caused_by_change_id", "=", self.id)],
            "context": {"default_caused_by_change_id": self.id},
        }


class ItChangeApproval(models.Model):
    """One change-board member's decision on a normal change."""

    _name = "it.change.approval"
    _description = "Change Approval"
    _order = "change_id, id"

    change_id = fields.Many2one("it.change", required=True, index=True, ondelete="cascade")
    user_id = fields.Many2one("res.users", string="Approver", required=True, index=True)
    state = fields.Selection(
        [("pending", "Pending"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="pending",
        required=True,
    )
    date = fields.Datetime(string="Decided On", readonly=True)
    comment = fields.Char()
    company_id = fields.Many2one(related="change_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("approver_uniq", "unique(change_id, user_id)", "An approver decides once per change."),
    ]

    @api.constrains("state", "user_id")
    def _check_decided_by_self(self):
        for approval in self:
            if (
                approval.state != "pending"
                and approval.user_id != self.env.user
                and not self.env.su
            ):
                raise ValidationError(
                    self.env._(
                        "Only %(user)s can record this decision.", user=approval.user_id.name
                    )
                )
