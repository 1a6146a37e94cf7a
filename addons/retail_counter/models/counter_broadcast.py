from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

SPECIAL = ("person_search", "lost_child", "item_search", "promotion", "other")


class CounterBroadcast(models.Model):
    """A PA announcement (廣播): what, when, how often, and the supervisor's check."""

    _name = "counter.broadcast"
    _description = "PA Broadcast"
    _inherit = ["mail.thread", "mail.activity.mixin", "care.script.mixin"]
    _order = "scheduled_time desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    broadcast_type = fields.Selection(
        [
            ("opening", "Opening"),
            ("closing", "Closing"),
            ("in_store", "In-store Routine"),
            ("person_search", "Person Search"),
            ("lost_child", "Lost Child"),
            ("item_search", "Item Search"),
            ("promotion", "Promotion"),
            ("other", "Other Notice"),
        ],
        string="Type",
        required=True,
        default="in_store",
        tracking=True,
        index=True,
    )
    category = fields.Selection(
        [("open_close", "Opening/Closing"), ("routine", "In-store"), ("special", "Special")],
        compute="_compute_category",
        store=True,
    )
    content = fields.Text(required=True, translate=False)
    scheduled_time = fields.Datetime(
        string="First Play", default=fields.Datetime.now, required=True, index=True
    )
    repetitions = fields.Integer(default=1, required=True)
    interval_minutes = fields.Integer(string="Every (minutes)", default=10)
    played_count = fields.Integer(readonly=True, copy=False)
    next_play_time = fields.Datetime(compute="_compute_next_play_time", store=True)
    announcer_id = fields.Many2one("res.users")
    requested_by = fields.Char(string="Requested By (customer)")
    person_name = fields.Char(string="Person Sought")
    waiting_place = fields.Char()
    person_description = fields.Text(
        string="Appearance", help="For a lost child: age, clothes, height, what they carry."
    )
    lost_item_id = fields.Many2one("counter.lost.item", check_company=True)
    loss_prevention_alerted = fields.Datetime(readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("scheduled", "Scheduled"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    # supervisor's check (播音檢查記錄)
    checked_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    checked_time = fields.Datetime(readonly=True, copy=False)
    check_result = fields.Selection(
        [("compliant", "Compliant"), ("corrected", "Corrected")], copy=False, tracking=True
    )
    correction_note = fields.Text(copy=False)
    company_id = fields.Many2one(
        "res.company", string="Store", required=True, default=lambda self: self.env.company
    )

    @api.depends("broadcast_type")
    def _compute_category(self):
        for broadcast in self:
            if broadcast.broadcast_type in ("opening", "closing"):
                broadcast.category = "open_close"
            elif broadcast.broadcast_type == "in_store":
                broadcast.category = "routine"
            else:
                broadcast.category = "special"

    @api.depends("scheduled_time", "played_count", "interval_minutes", "repetitions", "state")
    def _compute_next_play_time(self):
        for broadcast in self:
            if broadcast.state != "scheduled" or broadcast.played_count >= broadcast.repetitions:
                broadcast.next_play_time = False
            else:
                broadcast.next_play_time = broadcast.scheduled_time + timedelta(
                    minutes=broadcast.interval_minutes * broadcast.played_count
                )

    @api.constrains("repetitions", "interval_minutes")
    def _check_repetitions(self):
        for broadcast in self:
            if broadcast.repetitions < 1 or broadcast.repetitions > 50:
                raise ValidationError(self.env._("Repetitions must be between 1 and 50."))
            if broadcast.repetitions > 1 and broadcast.interval_minutes < 1:
                raise ValidationError(self.env._("Repeated broadcasts need an interval."))

    @api.constrains("broadcast_type", "person_name", "person_description", "waiting_place")
    def _check_person(self):
        for broadcast in self:
            if broadcast.broadcast_type in ("person_search", "lost_child") and not (
                broadcast.person_name or broadcast.person_description
            ):
                raise ValidationError(
                    self.env._("Ask the name or the appearance of the person sought.")
                )
            if broadcast.broadcast_type == "lost_child" and not broadcast.person_description:
                raise ValidationError(
                    self.env._("Ask what the child looks like before calling the PA.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("counter.broadcast")
        broadcasts = super().create(vals_list)
        broadcasts.filtered(lambda b: b.broadcast_type == "lost_child")._alert_loss_prevention()
        # A customer's own item search: if nothing is handed in within half an hour, the
        # counter records the customer's lost item.
        for broadcast in broadcasts.filtered(
            lambda b: b.broadcast_type == "item_search" and not b.lost_item_id
        ):
            broadcast.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=fields.Date.context_today(broadcast),
                summary=self.env._(
                    "Nothing handed in 30 minutes after the search: record the customer's lost item"
                ),
                user_id=self.env.user.id,
            )
        return broadcasts

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if any(broadcast.state != "draft" for broadcast in self):
            raise UserError(self.env._("Only draft broadcasts can be deleted: cancel it instead."))

    # the script panel follows these fields live on the form
    _care_script_depends = (
        "broadcast_type",
        "person_name",
        "waiting_place",
        "requested_by",
        "lost_item_id",
        "content",
    )

    def _care_script_code(self):
        self.ensure_one()
        return {
            "lost_child": "lost_child",
            "person_search": "person_search",
            "item_search": "lost_item_search",
            "opening": "counter_opening_welcome",
        }.get(self.broadcast_type, False)

    def _care_script_values(self):
        self.ensure_one()
        return {
            "person_name": self.person_name or "",
            "waiting_place": self.waiting_place or "",
            "customer_name": self.requested_by or "",
            "lost_item": self.lost_item_id.name or self.content or "",
        }

    def _alert_loss_prevention(self):
        """A lost child: every loss prevention officer of the store gets an activity."""
        group = self.env.ref("retail_counter.group_counter_loss_prevention")
        activity_type = self.env.ref("retail_counter.mail_activity_type_counter_lost_child")
        for broadcast in self:
            officers = group.users.filtered(
                lambda u, b=broadcast: b.company_id in u.company_ids and u.active
            )
            for officer in officers:
                broadcast.activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=officer.id,
                    summary=self.env._("Lost child: help search"),
                    note=broadcast.person_description,
                )
            broadcast.message_post(
                body=self.env._(
                    "Lost child reported: loss prevention alerted (%(count)s officers).",
                    count=len(officers),
                ),
                partner_ids=officers.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
            broadcast.loss_prevention_alerted = fields.Datetime.now()

    def action_schedule(self):
        if any(b.state != "draft" for b in self):
            raise UserError(self.env._("Only draft broadcasts can be scheduled."))
        self.write({"state": "scheduled"})
        return True

    def action_played(self):
        """The announcer played it once more; done after the last repetition."""
        for broadcast in self:
            if broadcast.state != "scheduled":
                raise UserError(self.env._("Schedule the broadcast before playing it."))
            count = broadcast.played_count + 1
            broadcast.write(
                {
                    "played_count": count,
                    "state": "done" if count >= broadcast.repetitions else "scheduled",
                    "announcer_id": broadcast.announcer_id.id or self.env.user.id,
                }
            )
        return True

    def action_cancel(self):
        if any(b.state in ("done", "cancelled") for b in self):
            raise UserError(self.env._("This broadcast is already over."))
        self.write({"state": "cancelled"})
        return True

    def action_check(self):
        """The customer service supervisor checks the broadcast against the standard."""
        if not self.env.user.has_group("retail_counter.group_counter_supervisor"):
            raise UserError(self.env._("Only the customer service supervisor checks broadcasts."))
        for broadcast in self:
            if broadcast.state not in ("scheduled", "done"):
                raise UserError(self.env._("Only played or scheduled broadcasts are checked."))
            if not broadcast.check_result:
                raise UserError(self.env._("Record the result of the check."))
            if broadcast.check_result == "corrected" and not broadcast.correction_note:
                raise UserError(self.env._("Describe the correction made."))
        self.write({"checked_by_id": self.env.user.id, "checked_time": fields.Datetime.now()})
        return True
