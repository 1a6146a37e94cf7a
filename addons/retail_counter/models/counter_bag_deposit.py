from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

HOLD_DAYS = 7  # a bag left at closing is kept one week, then handed to security


class CounterBagDeposit(models.Model):
    """A bag left at the counter's lockers against a paired tag (存包)."""

    _name = "counter.bag.deposit"
    _description = "Bag Deposit"
    _inherit = ["mail.thread", "mail.activity.mixin", "care.script.mixin"]
    _order = "deposit_time desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Tag Number",
        compute="_compute_name",
        store=True,
        precompute=True,
        index=True,
    )
    locker_id = fields.Many2one(
        "counter.locker",
        required=True,
        check_company=True,
        tracking=True,
        domain="[('company_id', '=', company_id)]",
    )
    partner_id = fields.Many2one("res.partner", string="Customer", tracking=True)
    customer_name = fields.Char(tracking=True)
    phone = fields.Char(string="Contact Phone")
    bag_description = fields.Char(
        help="What the bag looks like: the customer's claim is matched "
        "against it when the tag is lost.",
    )
    valuables_warned = fields.Boolean(
        string="Valuables Warning Given",
        help="The customer was told to keep cash and valuables over 200 yuan with them.",
    )
    deposit_time = fields.Datetime(default=fields.Datetime.now, required=True, copy=False)
    deposit_user_id = fields.Many2one(
        "res.users", string="Taken By", default=lambda self: self.env.user, copy=False
    )
    state = fields.Selection(
        [
            ("deposited", "Deposited"),
            ("left", "Left at Closing"),
            ("picked_up", "Picked Up"),
            ("security", "Handed to Security"),
        ],
        default="deposited",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    pickup_time = fields.Datetime(copy=False, readonly=True)
    pickup_user_id = fields.Many2one("res.users", string="Returned By", copy=False, readonly=True)
    # lost tag form (存包牌遺失登記表)
    lost_tag = fields.Boolean(copy=False, readonly=True, tracking=True)
    lost_tag_document = fields.Char(
        string="Identity Document Checked",
        copy=False,
        readonly=True,
        help="Type and last digits only: the full number is never stored.",
    )
    lost_tag_description = fields.Text(string="Customer's Description", copy=False, readonly=True)
    lost_tag_manager_id = fields.Many2one(
        "res.users", string="Manager Present", copy=False, readonly=True
    )
    # left at closing
    left_time = fields.Datetime(copy=False, readonly=True)
    duty_manager_id = fields.Many2one("res.users", copy=False, tracking=True)
    inventory_note = fields.Text(string="Inventory of Contents", copy=False)
    contact_known = fields.Boolean(compute="_compute_contact_known")
    contact_due = fields.Datetime(string="Contact Customer On", copy=False, readonly=True)
    contacted_time = fields.Datetime(copy=False, readonly=True, tracking=True)
    contact_note = fields.Char(copy=False)
    held_until = fields.Datetime(copy=False, readonly=True, index=True)
    security_time = fields.Datetime(string="Handed to Security On", copy=False, readonly=True)
    incident_ids = fields.One2many("counter.incident", "bag_deposit_id", string="Reports")
    company_id = fields.Many2one(
        "res.company", string="Store", required=True, default=lambda self: self.env.company
    )

    @api.depends("locker_id")
    def _compute_name(self):
        # the tag number at deposit time: renaming a locker later keeps the history
        for deposit in self:
            deposit.name = deposit.locker_id.tag_number or False

    @api.depends("phone", "partner_id.phone", "partner_id.mobile")
    def _compute_contact_known(self):
        for deposit in self:
            deposit.contact_known = bool(
                deposit.phone or deposit.partner_id.phone or deposit.partner_id.mobile
            )

    @api.constrains("locker_id", "state")
    def _check_one_customer_per_locker(self):
        active = self.filtered(lambda d: d.state in ("deposited", "left"))
        if not active:
            return
        groups = self._read_group(
            [("locker_id", "in", active.locker_id.ids), ("state", "in", ("deposited", "left"))],
            ["locker_id"],
            ["__count"],
        )
        for locker, count in groups:
            if count > 1:
                raise ValidationError(
                    self.env._(
                        "Locker %(tag)s already holds another customer's bag: one customer "
                        "at a time.",
                        tag=locker.tag_number,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # Say which locker is taken before the database index refuses it.
        lockers = [vals["locker_id"] for vals in vals_list if vals.get("locker_id")]
        if lockers:
            busy = self.search(
                [("locker_id", "in", lockers), ("state", "in", ("deposited", "left"))]
            )
            if busy or len(set(lockers)) < len(lockers):
                raise ValidationError(
                    self.env._(
                        "Locker %(tag)s already holds another customer's bag: one customer "
                        "at a time.",
                        tag=", ".join(busy.mapped("name")) or "",
                    )
                )
        return super().create(vals_list)

    @api.constrains("valuables_warned")
    def _check_valuables_warned(self):
        for deposit in self:
            if not deposit.valuables_warned:
                raise ValidationError(
                    self.env._(
                        "Tell the customer to keep cash and valuables with them before "
                        "taking the bag, and tick 'Valuables Warning Given'."
                    )
                )

    def init(self):
        # The python constraint above gives the message; this index stops two clerks
        # filling the same locker at the same moment.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS counter_bag_deposit_one_per_locker "
                "ON counter_bag_deposit (locker_id) WHERE state IN ('deposited', 'left')"
            )
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._("Bag deposits are kept as a record: archive the locker instead.")
        )

    # ------------------------------------------------------------------ scripts
    # the script panel follows these fields live on the form
    _care_script_depends = (
        "state",
        "customer_name",
        "partner_id",
        "locker_id",
    )

    def _care_script_code(self):
        self.ensure_one()
        return {
            "deposited": "bag_deposit",
            "left": "counter_bag_left",
            "picked_up": "bag_pickup",
        }.get(self.state, False)

    def _care_script_values(self):
        self.ensure_one()
        return {
            "customer_name": self.customer_name or self.partner_id.name or "",
            "tag_number": self.name or "",
            "store_name": self.company_id.name or "",
        }

    # ------------------------------------------------------------ transitions
    def _check_state(self, allowed):
        for deposit in self:
            if deposit.state not in allowed:
                raise UserError(
                    self.env._(
                        "Bag %(tag)s is %(state)s: this step is not possible now.",
                        tag=deposit.name,
                        state=dict(deposit._fields["state"]._description_selection(self.env))[
                            deposit.state
                        ],
                    )
                )

    def action_pick_up(self, presented_tag):
        """Return the bag against the tag the customer shows: the numbers must match."""
        self.ensure_one()
        self._check_state(("deposited", "left"))
        if (presented_tag or "").strip() != self.name:
            raise UserError(
                self.env._(
                    "Tag %(presented)s does not match bag %(tag)s: the bag is not handed over.",
                    presented=presented_tag or "-",
                    tag=self.name,
                )
            )
        self._do_pick_up()
        return True

    def action_pick_up_lost_tag(self, document, description, manager):
        """Return the bag without its tag: identity checked, lost-tag form, manager present."""
        self.ensure_one()
        self._check_state(("deposited", "left"))
        if not document or not (description or "").strip():
            raise UserError(
                self.env._(
                    "A lost tag needs the customer's identity document and their description "
                    "of the bag."
                )
            )
        if not manager or not manager.has_group("retail_counter.group_counter_supervisor"):
            raise UserError(
                self.env._("The counter supervisor or duty manager must be present for a lost tag.")
            )
        self.write(
            {
                "lost_tag": True,
                "lost_tag_document": document,
                "lost_tag_description": description,
                "lost_tag_manager_id": manager.id,
            }
        )
        self._do_pick_up()
        return True

    def _do_pick_up(self):
        self.write(
            {
                "state": "picked_up",
                "pickup_time": fields.Datetime.now(),
                "pickup_user_id": self.env.user.id,
            }
        )
        self.activity_unlink(["retail_counter.mail_activity_type_counter_contact"])

    def action_mark_left(self):
        """At closing: bag inventoried with the duty manager, held a week at the counter."""
        self._check_state(("deposited",))
        for deposit in self:
            if not deposit.duty_manager_id or not deposit.duty_manager_id.has_group(
                "retail_counter.group_counter_supervisor"
            ):
                raise UserError(
                    self.env._(
                        "Bag %(tag)s: the duty manager must be present when a bag left at "
                        "closing is opened.",
                        tag=deposit.name,
                    )
                )
            if not (deposit.inventory_note or "").strip():
                raise UserError(
                    self.env._("Bag %(tag)s: list its contents first.", tag=deposit.name)
                )
        now = fields.Datetime.now()
        tomorrow = fields.Date.context_today(self) + timedelta(days=1)
        self.write(
            {"state": "left", "left_time": now, "held_until": now + timedelta(days=HOLD_DAYS)}
        )
        for deposit in self.filtered("contact_known"):
            deposit.contact_due = fields.Datetime.to_datetime(tomorrow)
            deposit.activity_schedule(
                "retail_counter.mail_activity_type_counter_contact",
                date_deadline=tomorrow,
                summary=self.env._("Call the customer to collect bag %(tag)s", tag=deposit.name),
                user_id=deposit.deposit_user_id.id or self.env.user.id,
            )
        return True

    def action_contacted(self):
        self._check_state(("left",))
        self.write({"contacted_time": fields.Datetime.now()})
        self.activity_feedback(
            ["retail_counter.mail_activity_type_counter_contact"],
            feedback=self.env._("Customer contacted: bring the tag and an identity document."),
        )
        return True

    def action_hand_to_security(self):
        self._check_state(("left",))
        self.write({"state": "security", "security_time": fields.Datetime.now()})
        self._message_log_batch(
            bodies={
                deposit.id: self.env._("Unclaimed after one week: handed to store security.")
                for deposit in self
            }
        )
        return True

    def action_report_damage(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "counter.incident",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_kind": "bag_damage",
                "default_bag_deposit_id": self.id,
                "default_partner_id": self.partner_id.id,
                "default_customer_name": self.customer_name,
            },
        }

    def action_open_pickup(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Pick Up"),
            "res_model": "counter.bag.pickup",
            "view_mode": "form",
            "target": "new",
            "context": {"default_deposit_id": self.id},
        }

    @api.model
    def _cron_apply_bag_deadlines(self):
        """Bags left at closing and unclaimed after a week go to security (idempotent)."""
        due = self.search(
            [("state", "=", "left"), ("held_until", "<=", fields.Datetime.now())], limit=5000
        )
        if due:
            due.action_hand_to_security()
        return len(due)
