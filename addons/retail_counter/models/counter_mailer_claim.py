from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .res_partner import LOCK_DAYS, MAILER_STATUS


class CounterMailerClaim(models.Model):
    """'I did not receive the mailer' (郵報未收到), guided by the card's mailer status.

    Status 1 recently unlocked or 5 (locked): explain the automatic lock. 6, 8, 9: the
    address could not be confirmed, check it with the customer. Nothing abnormal: the
    customer writes in the tracking book and the post office is asked to trace it.
    """

    _name = "counter.mailer.claim"
    _description = "Mailer Not Received"
    _inherit = ["mail.thread", "mail.activity.mixin", "care.script.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    lookup = fields.Char(
        string="Card or Phone", help="Member card number or phone number the customer gives."
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        domain="[('counter_card_number', '!=', False)]",
        tracking=True,
    )
    card_number = fields.Char(related="partner_id.counter_card_number")
    status_at_claim = fields.Selection(MAILER_STATUS, readonly=True, copy=False)
    outcome = fields.Selection(
        [
            ("recently_unlocked", "Status 1, locked earlier: unlocks with the next purchase"),
            ("locked", "Status 5: locked after 60 days without purchase"),
            ("address", "Status 6/8/9: confirm the address"),
            ("tracking", "Nothing abnormal: trace with the post office"),
        ],
        compute="_compute_outcome",
        store=True,
    )
    confirmed_street = fields.Char(string="Address Confirmed")
    expected_date = fields.Date(
        string="Mailer Expected Around",
        compute="_compute_expected_date",
        store=True,
        readonly=False,
    )
    post_office_ref = fields.Char(string="Post Office Trace No.")
    post_office_result = fields.Text()
    state = fields.Selection(
        [
            ("new", "New"),
            ("explained", "Explained"),
            ("address_confirmed", "Address Confirmed"),
            ("tracking", "In Tracking Book"),
            ("closed", "Closed"),
        ],
        default="new",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    user_id = fields.Many2one("res.users", string="Clerk", default=lambda self: self.env.user)
    company_id = fields.Many2one(
        "res.company", string="Store", required=True, default=lambda self: self.env.company
    )

    @api.onchange("lookup")
    def _onchange_lookup(self):
        if not self.lookup:
            return
        value = self.lookup.strip()
        partner = self.env["res.partner"].search(
            [
                ("counter_card_number", "!=", False),
                "|",
                "|",
                ("counter_card_number", "=", value),
                ("phone", "=", value),
                ("mobile", "=", value),
            ],
            limit=1,
        )
        if partner:
            self.partner_id = partner

    @api.depends("status_at_claim", "partner_id.counter_mailer_unlocked_on", "create_date")
    def _compute_outcome(self):
        for claim in self:
            status = claim.status_at_claim
            unlocked = claim.partner_id.counter_mailer_unlocked_on
            day = (claim.create_date or fields.Datetime.now()).date()
            if status == "5":
                claim.outcome = "locked"
            elif status in ("6", "8", "9"):
                claim.outcome = "address"
            elif status == "1" and unlocked and unlocked > day - timedelta(days=LOCK_DAYS):
                claim.outcome = "recently_unlocked"
            elif status:
                claim.outcome = "tracking"
            else:
                claim.outcome = False

    @api.depends("create_date")
    def _compute_expected_date(self):
        for claim in self:
            day = (claim.create_date or fields.Datetime.now()).date()
            # mailers arrive on the weekend: the Saturday of the week after next
            claim.expected_date = day + timedelta(days=(5 - day.weekday()) % 7 + 7)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("counter.mailer.claim")
            if vals.get("partner_id") and not vals.get("status_at_claim"):
                partner = self.env["res.partner"].browse(vals["partner_id"])
                vals["status_at_claim"] = partner.counter_mailer_status or "1"
        return super().create(vals_list)

    # the script panel follows these fields live on the form
    _care_script_depends = (
        "outcome",
        "partner_id",
        "expected_date",
    )

    def _care_script_code(self):
        self.ensure_one()
        return "mailer_not_received"

    def _care_script_values(self):
        self.ensure_one()
        return {
            "customer_name": self.partner_id.name or "",
            "mailer_date": self.expected_date and fields.Date.to_string(self.expected_date) or "",
        }

    def action_process(self):
        """Do the step the status calls for."""
        for claim in self:
            if claim.state != "new":
                raise UserError(self.env._("This claim was already handled."))
            if claim.outcome in ("recently_unlocked", "locked"):
                claim.state = "explained"
            elif claim.outcome == "address":
                if not claim.confirmed_street:
                    raise UserError(
                        self.env._("Check the home address with the customer and type it in.")
                    )
                claim.partner_id.write(
                    {"street": claim.confirmed_street, "counter_mailer_status": "1"}
                )
                claim.state = "address_confirmed"
            elif claim.outcome == "tracking":
                claim.state = "tracking"
                claim.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Ask the post office to trace the mailer"),
                    user_id=claim.user_id.id or self.env.user.id,
                )
            else:
                raise UserError(self.env._("Find the member first."))
        return True

    def action_close(self):
        for claim in self:
            if claim.state == "closed":
                raise UserError(self.env._("Already closed."))
            if claim.state == "tracking" and not claim.post_office_result:
                raise UserError(self.env._("Record the post office's answer before closing."))
        self.write({"state": "closed"})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True
