from odoo import api, fields, models
from odoo.exceptions import UserError

KINDS = [
    ("complaint", "Complaint"),
    ("first_aid", "First Aid"),
    ("atm_fault", "ATM / Machine Fault"),
    ("fight", "Fight / Police Report"),
    ("bag_damage", "Bag Damaged or Lost"),
    ("change", "Change Making"),
    ("packaging", "Packaging"),
]
SCRIPTS = {
    "complaint": "counter_complaint",
    "first_aid": "minor_injury",
    "atm_fault": "atm_fault",
    "fight": "counter_fight",
    "bag_damage": "bag_damaged",
    "change": "change_making",
    "packaging": "counter_packaging",
}


class CounterIncident(models.Model):
    """The counter's logs: complaints, first aid, machine faults, fights, damaged bags,
    change making (counterfeit check) and packaging."""

    _name = "counter.incident"
    _description = "Counter Log Entry"
    _inherit = ["mail.thread", "mail.activity.mixin", "care.script.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    kind = fields.Selection(KINDS, required=True, default="complaint", tracking=True, index=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True)
    partner_id = fields.Many2one("res.partner", string="Customer")
    customer_name = fields.Char()
    description = fields.Text(required=True)
    user_id = fields.Many2one("res.users", string="Logged By", default=lambda self: self.env.user)
    duty_manager_id = fields.Many2one("res.users", tracking=True)
    resolution = fields.Text(tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("escalated", "With Duty Manager"), ("resolved", "Resolved")],
        default="open",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    resolved_time = fields.Datetime(readonly=True, copy=False)
    # first aid
    consent_given = fields.Boolean(string="Customer Agreed to Treatment")
    treatment = fields.Char(help="Plaster, bandage...")
    # ATM / machine fault
    machine = fields.Char()
    bank_contacted = fields.Boolean()
    bank_contact_time = fields.Datetime()
    card_retained = fields.Boolean(string="Card Retained / Cash Not Dispensed")
    bank_place = fields.Char(
        string="Customer Told Where", help="Where the bank will give back the card or money."
    )
    bank_time = fields.Datetime(string="Customer Told When")
    nearest_atm = fields.Char(string="Nearest Other ATM")
    # fight / police
    police_station = fields.Char(string="Police Station Informed")
    police_report_time = fields.Datetime()
    store_leader_informed = fields.Boolean()
    # bag damage
    bag_deposit_id = fields.Many2one("counter.bag.deposit", check_company=True)
    apologised = fields.Boolean()
    # change making
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary()
    counterfeit_suspected = fields.Boolean(help="The note could not be verified: ask for another.")
    # packaging
    packaging_material = fields.Char()
    company_id = fields.Many2one(
        "res.company", string="Store", required=True, default=lambda self: self.env.company
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("counter.incident")
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("Counter logs are kept: they cannot be deleted."))

    # the script panel follows these fields live on the form
    _care_script_depends = (
        "kind",
        "counterfeit_suspected",
        "customer_name",
        "partner_id",
        "amount",
        "nearest_atm",
        "bank_place",
        "bank_time",
    )

    def _care_script_code(self):
        self.ensure_one()
        if self.kind == "change" and self.counterfeit_suspected:
            return "counterfeit_banknote"
        return SCRIPTS.get(self.kind, False)

    def _care_script_values(self):
        self.ensure_one()
        return {
            "customer_name": self.customer_name or self.partner_id.name or "",
            "amount": self.amount or "",
            "atm_location": self.nearest_atm or "",
            "bank_place": self.bank_place or "",
            "bank_time": self.bank_time and fields.Datetime.to_string(self.bank_time) or "",
        }

    def action_escalate(self):
        """Complaints (and damaged bags) go to the duty manager."""
        for entry in self:
            if entry.state != "open":
                raise UserError(self.env._("Only open entries are escalated."))
            if not entry.duty_manager_id:
                raise UserError(self.env._("Choose the duty manager."))
            entry.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=entry.duty_manager_id.id,
                summary=self.env._("Customer complaint: receive the customer"),
            )
        self.write({"state": "escalated"})
        return True

    def _check_resolution(self):
        for entry in self:
            if not entry.resolution:
                raise UserError(self.env._("Write how it was resolved."))
            if entry.kind == "first_aid" and entry.treatment and not entry.consent_given:
                raise UserError(self.env._("Ask the customer's consent before treating a wound."))
            if entry.kind == "atm_fault" and not entry.bank_contacted:
                raise UserError(self.env._("Contact the bank first."))
            if (
                entry.kind == "atm_fault"
                and entry.card_retained
                and not (entry.bank_place and entry.bank_time)
            ):
                raise UserError(
                    self.env._("Tell the customer where and when the bank will sort it out.")
                )
            if entry.kind == "fight" and not (entry.police_station and entry.store_leader_informed):
                raise UserError(
                    self.env._(
                        "A fight is reported to the store leader and the local police station."
                    )
                )
            if entry.kind == "bag_damage" and not entry.apologised:
                raise UserError(self.env._("Apologise to the customer first."))
            if entry.kind == "complaint" and entry.state != "escalated":
                raise UserError(self.env._("Complaints are received by the duty manager."))

    def action_resolve(self):
        if any(entry.state == "resolved" for entry in self):
            raise UserError(self.env._("Already resolved."))
        if any(
            entry.kind == "complaint"
            and entry.duty_manager_id != self.env.user
            and not self.env.user.has_group("retail_counter.group_counter_supervisor")
            for entry in self
        ):
            raise UserError(self.env._("The duty manager resolves complaints."))
        self._check_resolution()
        self.write({"state": "resolved", "resolved_time": fields.Datetime.now()})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True
