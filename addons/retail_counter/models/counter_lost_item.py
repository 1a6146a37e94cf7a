from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

KINDS = [
    ("fresh", "Fresh Food"),
    ("goods", "Other Food and Daily Goods"),
    ("valuable", "Cash, Valuables or Securities"),
    ("other", "Other Articles"),
]
# days kept before the scheduled action moves the item along
RETENTION_DAYS = {"fresh": 1, "goods": 2, "valuable": 5, "other": 7}
# where an item is kept while it waits for its owner
HOLD_LOCATION = {"fresh": "freezer", "goods": "counter", "valuable": "safe", "other": "counter"}
# what happens when nobody claimed it in time: (state, location)
RELEASE = {
    "fresh": ("returned", "sales_floor"),
    "goods": ("returned", "sales_floor"),
    "valuable": ("finance", "finance"),
    "other": ("security", "security"),
}
LOCATIONS = [
    ("freezer", "Freezer"),
    ("counter", "Service Counter"),
    ("safe", "Finance Office Safe"),
    ("sales_floor", "Back on Sale"),
    ("security", "Security Department"),
    ("finance", "Finance Department"),
    ("owner", "With the Owner"),
]


class CounterLostItem(models.Model):
    """An item found in the store and kept by the counter until claimed or released."""

    _name = "counter.lost.item"
    _description = "Lost and Found Item"
    _inherit = ["mail.thread", "mail.activity.mixin", "care.script.mixin"]
    _order = "found_time desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Description", required=True, tracking=True)
    reference = fields.Char(
        readonly=True, copy=False, default=lambda self: self.env._("New"), index=True
    )
    kind = fields.Selection(KINDS, required=True, default="goods", tracking=True)
    quantity = fields.Float(default=1.0)
    value = fields.Monetary(string="Estimated Value", currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    features = fields.Text(help="Colour, brand, contents: what the owner must describe.")
    found_by = fields.Selection(
        [
            ("staff", "Store Staff"),
            ("customer", "Customer"),
            ("checkout", "Left at a Checkout"),
            ("counter", "Left at the Counter"),
        ],
        default="staff",
        required=True,
    )
    finder_name = fields.Char()
    found_place = fields.Char(string="Found At")
    found_time = fields.Datetime(default=fields.Datetime.now, required=True, copy=False)
    registered_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True, copy=False
    )
    location = fields.Selection(
        LOCATIONS,
        compute="_compute_location",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    retention_deadline = fields.Datetime(
        compute="_compute_retention_deadline", store=True, precompute=True, index=True
    )
    state = fields.Selection(
        [
            ("held", "Held"),
            ("claimed", "Claimed"),
            ("returned", "Returned to Sale"),
            ("security", "Handed to Security"),
            ("finance", "Handed to Finance"),
        ],
        default="held",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    active = fields.Boolean(default=True)
    moved_time = fields.Datetime(string="Released On", readonly=True, copy=False)
    signoff_user_id = fields.Many2one(
        "res.users",
        string="Supervisor Sign-off",
        readonly=True,
        copy=False,
        help="Section supervisor who signed the record when the item went back on sale.",
    )
    signoff_time = fields.Datetime(readonly=True, copy=False)
    needs_signoff = fields.Boolean(compute="_compute_needs_signoff", search="_search_needs_signoff")
    broadcast_ids = fields.One2many("counter.broadcast", "lost_item_id", string="PA Requests")
    # claim (認領)
    claimant_partner_id = fields.Many2one("res.partner", string="Claimed By", readonly=True)
    claimant_name = fields.Char(readonly=True, copy=False)
    claim_description = fields.Text(readonly=True, copy=False)
    claim_document = fields.Char(
        string="Identity Document Checked",
        readonly=True,
        copy=False,
        help="Type and last digits only: the full number is never stored.",
    )
    claim_receipt = fields.Char(string="Shopping Receipt", readonly=True, copy=False)
    claim_signature = fields.Binary(string="Signature", readonly=True, copy=False, attachment=True)
    claim_time = fields.Datetime(readonly=True, copy=False)
    move_ids = fields.One2many("counter.lost.item.move", "item_id", string="Moves", readonly=True)
    company_id = fields.Many2one(
        "res.company", string="Store", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK(quantity > 0)",
            "The quantity of a found item must be positive.",
        ),
        (
            "value_not_negative",
            "CHECK(value IS NULL OR value >= 0)",
            "An estimated value cannot be negative.",
        ),
    ]

    @api.constrains("found_time")
    def _check_found_time(self):
        # a few minutes of slack for a till clock ahead of the server's
        latest = fields.Datetime.now() + timedelta(minutes=10)
        for item in self:
            if item.found_time > latest:
                raise ValidationError(
                    self.env._(
                        "An item cannot be found in the future (%(when)s).", when=item.found_time
                    )
                )

    @api.depends("kind")
    def _compute_location(self):
        for item in self:
            if item.state == "held" or not item.location:
                item.location = HOLD_LOCATION.get(item.kind, "counter")

    @api.depends("kind", "found_time")
    def _compute_retention_deadline(self):
        for item in self:
            item.retention_deadline = item.found_time and item.found_time + timedelta(
                days=RETENTION_DAYS.get(item.kind, 2)
            )

    @api.depends("state", "signoff_user_id")
    def _compute_needs_signoff(self):
        for item in self:
            item.needs_signoff = item.state == "returned" and not item.signoff_user_id

    def _search_needs_signoff(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on sign-off."))
        positive = (operator == "=") == value
        domain = [("state", "=", "returned"), ("signoff_user_id", "=", False)]
        return domain if positive else ["!", *domain]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("reference", self.env._("New")) == self.env._("New"):
                vals["reference"] = self.env["ir.sequence"].next_by_code("counter.lost.item")
        items = super().create(vals_list)
        self.env["counter.lost.item.move"].create(
            [
                {
                    "item_id": item.id,
                    "to_state": "held",
                    "to_location": item.location,
                    "note": self.env._("Registered at the counter."),
                }
                for item in items
            ]
        )
        return items

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._("Nothing found in the store disappears without a record: archive it.")
        )

    # ----------------------------------------------------------------- scripts
    # the script panel follows these fields live on the form
    _care_script_depends = (
        "state",
        "name",
        "claimant_name",
    )

    def _care_script_code(self):
        self.ensure_one()
        return "lost_found_claim" if self.state in ("held", "returned") else False

    def _care_script_values(self):
        self.ensure_one()
        return {
            "customer_name": self.claimant_name or self.claimant_partner_id.name or "",
            "lost_item": self.name or "",
        }

    # ------------------------------------------------------------- transitions
    def _log_moves(self, old, note, automatic=False):
        """Write one move-log line per item (old: {item_id: (state, location)})."""
        self.env["counter.lost.item.move"].create(
            [
                {
                    "item_id": item.id,
                    "from_state": old[item.id][0],
                    "from_location": old[item.id][1],
                    "to_state": item.state,
                    "to_location": item.location,
                    "automatic": automatic,
                    "note": note,
                }
                for item in self
            ]
        )

    def action_request_broadcast(self):
        """PA search (尋物啟示): a broadcast request describing the item."""
        self.ensure_one()
        if self.state != "held":
            raise UserError(self.env._("Only an item still held can be broadcast."))
        broadcast = self.env["counter.broadcast"].create(
            {
                "broadcast_type": "item_search",
                "lost_item_id": self.id,
                "content": self.env._(
                    "Dear customers, %(item)s was found in the store. Its owner may collect "
                    "it at the service counter.",
                    item=self.name,
                ),
                "company_id": self.company_id.id,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "counter.broadcast",
            "res_id": broadcast.id,
            "view_mode": "form",
        }

    def action_open_claim(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Claim"),
            "res_model": "counter.lost.item.claim",
            "view_mode": "form",
            "target": "new",
            "context": {"default_item_id": self.id},
        }

    def _do_claim(self, vals):
        """Hand the item back: description, identity document and signature are required."""
        self.ensure_one()
        if self.state not in ("held", "returned"):
            raise UserError(
                self.env._("This item has left the counter: it cannot be claimed here.")
            )
        missing = [
            label
            for key, label in (
                ("claim_description", self.env._("the customer's description")),
                ("claim_document", self.env._("an identity document")),
                ("claim_signature", self.env._("the customer's signature")),
            )
            if not vals.get(key)
        ]
        if self.state == "returned" and not vals.get("claim_receipt"):
            missing.append(self.env._("the shopping receipt (the item went back on sale)"))
        if missing:
            raise UserError(self.env._("The claim needs %(missing)s.", missing=", ".join(missing)))
        old = {self.id: (self.state, self.location)}
        self.write(dict(vals, state="claimed", location="owner", claim_time=fields.Datetime.now()))
        self._log_moves(old, self.env._("Claimed by its owner."))
        return True

    def action_sign_off(self):
        """Section supervisor signs the record of items returned to sale."""
        if not self.env.user.has_group("retail_counter.group_counter_supervisor"):
            raise UserError(self.env._("Only a supervisor signs items returned to sale."))
        for item in self:
            if not item.needs_signoff:
                raise UserError(
                    self.env._("%(item)s is not waiting for a sign-off.", item=item.reference)
                )
        self.write({"signoff_user_id": self.env.user.id, "signoff_time": fields.Datetime.now()})
        return True

    def action_release_now(self):
        """Release by hand (e.g. confirmed unclaimed earlier); same rules as the cron."""
        if not self.env.user.has_group("retail_counter.group_counter_supervisor"):
            raise AccessError(self.env._("Only a supervisor releases an item before its time."))
        for item in self:
            if item.state != "held":
                raise UserError(self.env._("Only held items can be released."))
        old = {item.id: (item.state, item.location) for item in self}
        for item in self:
            state, location = RELEASE[item.kind]
            item.write({"state": state, "location": location, "moved_time": fields.Datetime.now()})
        self._log_moves(old, self.env._("Released by hand."))
        return True

    @api.model
    def _cron_apply_retention(self):
        """Move every item whose retention is over, in one statement, logging each move.

        Fresh food (1 day, freezer) and other goods (2 days) go back on sale and wait for
        a supervisor's sign-off; cash and valuables leave the safe for finance after five
        days; other articles go to security. Idempotent: only held items are touched.
        """
        self.env["counter.lost.item"].flush_model()
        now = fields.Datetime.now()
        cases_state = SQL(
            "CASE i.kind WHEN 'valuable' THEN 'finance' WHEN 'other' THEN 'security' "
            "ELSE 'returned' END"
        )
        cases_location = SQL(
            "CASE i.kind WHEN 'valuable' THEN 'finance' WHEN 'other' THEN 'security' "
            "ELSE 'sales_floor' END"
        )
        self.env.cr.execute(
            SQL(
                """
                WITH due AS (
                    SELECT id, location FROM counter_lost_item
                     WHERE state = 'held' AND active AND retention_deadline <= %(now)s
                     FOR UPDATE SKIP LOCKED
                ), moved AS (
                    UPDATE counter_lost_item i
                       SET state = %(state)s, location = %(location)s,
                           moved_time = %(now)s, write_date = %(now)s, write_uid = %(uid)s
                      FROM due
                     WHERE i.id = due.id
                 RETURNING i.id, i.company_id, i.state, i.location, due.location AS old_location
                )
                INSERT INTO counter_lost_item_move
                       (item_id, company_id, date, from_state, to_state, from_location,
                        to_location, automatic, note, user_id,
                        create_uid, create_date, write_uid, write_date)
                SELECT id, company_id, %(now)s, 'held', state, old_location, location, TRUE,
                       %(note)s, %(uid)s, %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM moved
                """,
                now=now,
                uid=self.env.uid,
                state=cases_state,
                location=cases_location,
                note=self.env._("Retention period over."),
            )
        )
        count = self.env.cr.rowcount
        self.env["counter.lost.item"].invalidate_model(
            ["state", "location", "moved_time", "write_date", "write_uid", "move_ids"]
        )
        self.env["counter.lost.item.move"].invalidate_model()
        return count
