from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .res_partner import mask


class CounterMembershipApplication(models.Model):
    """A member card application taken at the counter (辦理會員卡).

    Steps: the form is filled in, the identity card and home phone bill are checked,
    the data is read back to the customer, then the card is issued as an Odoo membership.
    """

    _name = "counter.membership.application"
    _description = "Member Card Application"
    _inherit = ["mail.thread", "mail.activity.mixin", "care.script.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Applicant", required=True, tracking=True)
    title = fields.Selection(
        [("mr", "Mr."), ("ms", "Ms."), ("miss", "Miss")], string="Form of Address"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Member", readonly=True, copy=False, tracking=True
    )
    is_company = fields.Boolean(string="Company Card")
    business_licence = fields.Char(string="Business Licence No.")
    legal_representative = fields.Char()
    identity_number = fields.Char(
        copy=False, help="Typed from the identity card; kept masked once the card is issued."
    )
    home_phone = fields.Char(copy=False)
    street = fields.Char(string="Address")
    city = fields.Char()
    email = fields.Char()
    phone_bill_shown = fields.Boolean(help="The home phone bill proves the phone and address.")
    read_back_done = fields.Boolean(string="Read Back Confirmed", readonly=True, copy=False)
    read_back_text = fields.Char(compute="_compute_read_back_text")
    state = fields.Selection(
        [
            ("draft", "Filling In"),
            ("confirmed", "Read Back"),
            ("issued", "Card Issued"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    card_number = fields.Char(related="partner_id.counter_card_number")
    verification_due = fields.Date(string="Verification Callback", readonly=True, copy=False)
    user_id = fields.Many2one("res.users", string="Clerk", default=lambda self: self.env.user)
    company_id = fields.Many2one(
        "res.company", string="Store", required=True, default=lambda self: self.env.company
    )

    @api.depends("name", "title", "home_phone", "street", "city")
    def _compute_read_back_text(self):
        titles = dict(self._fields["title"]._description_selection(self.env))
        for app in self:
            app.read_back_text = self.env._(
                "%(title)s %(name)s, your phone is %(phone)s and your address is %(address)s, "
                "is that right?",
                title=titles.get(app.title, ""),
                name=app.name or "",
                phone=app.home_phone or "",
                address=", ".join(filter(None, [app.street, app.city])),
            ).strip()

    @api.constrains("identity_number")
    def _check_identity_number(self):
        for app in self:
            number = app.identity_number
            if number and "*" not in number:
                body, last = number[:-1], number[-1:]
                if (
                    len(number) not in (15, 18)
                    or not body.isdigit()
                    or not (last.isdigit() or last in "xX")
                ):
                    raise ValidationError(
                        self.env._(
                            "An identity number has 15 or 18 characters (digits, last may be X)."
                        )
                    )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if any(app.state == "issued" for app in self):
            raise UserError(self.env._("An issued card application is kept as a record."))

    # the script panel follows these fields live on the form
    _care_script_depends = (
        "state",
        "name",
        "title",
        "home_phone",
        "street",
        "city",
    )

    def _care_script_code(self):
        self.ensure_one()
        return "membership_card" if self.state != "cancelled" else False

    def _care_script_values(self):
        self.ensure_one()
        titles = dict(self._fields["title"]._description_selection(self.env))
        return {
            "customer_name": " ".join(filter(None, [self.name, titles.get(self.title)])),
            "phone": self.home_phone or "",
            "address": ", ".join(filter(None, [self.street, self.city])),
            "store_name": self.company_id.name or "",
        }

    def action_read_back(self):
        """The clerk read the data back and the customer said it is right."""
        for app in self:
            if app.state != "draft":
                raise UserError(self.env._("Only an application being filled in is read back."))
            if not (app.identity_number and app.home_phone and app.street):
                raise UserError(
                    self.env._("Fill in the identity number, home phone and address first.")
                )
            if app.is_company and not (app.business_licence and app.legal_representative):
                raise UserError(
                    self.env._(
                        "A company card needs a copy of the business licence and of the legal "
                        "representative's identity card."
                    )
                )
        self.write({"state": "confirmed", "read_back_done": True})
        return True

    def action_correct(self):
        """The customer found an error: back to the form (apologise, correct, reprint)."""
        if any(app.state not in ("confirmed", "issued") for app in self):
            raise UserError(self.env._("Nothing to correct yet."))
        self.filtered(lambda a: a.state == "confirmed").write(
            {"state": "draft", "read_back_done": False}
        )
        return True

    def action_issue(self):
        """Issue the card: partner, card number, membership line; callback when no bill."""
        product = self.env.ref("retail_counter.product_member_card")
        for app in self:
            if app.state != "confirmed" or not app.read_back_done:
                raise UserError(
                    self.env._("Read the data back to the customer before issuing the card.")
                )
            partner = app.partner_id or self.env["res.partner"].create(
                {
                    "name": app.name,
                    "is_company": app.is_company,
                    "street": app.street,
                    "city": app.city,
                    "email": app.email,
                    "phone": app.home_phone,
                    "company_id": False,
                }
            )
            today = fields.Date.context_today(self)
            partner.write(
                {
                    "counter_card_number": self.env["ir.sequence"].next_by_code(
                        "counter.member.card"
                    ),
                    "counter_card_issue_date": today,
                    "counter_card_company_id": app.company_id.id,
                    "counter_mailer_status": "1",
                    "counter_phone_verification": "verified" if app.phone_bill_shown else "pending",
                    "counter_business_licence": app.business_licence,
                    "counter_legal_representative": app.legal_representative,
                }
            )
            # sudo: the clerk types the identity number and home phone but only counter
            # supervisors may read them back from the partner (field groups).
            partner.sudo().write(
                {
                    "counter_identity_number": app.identity_number,
                    "counter_home_phone": app.home_phone,
                }
            )
            # The card is an Odoo membership: a posted zero-fee membership invoice gives
            # the partner a paid membership line.
            # sudo: counter staff have no accounting rights; the invoice is the card fee.
            invoice = (
                partner.sudo()
                .with_company(app.company_id)
                .create_membership_invoice(product, product.list_price)
            )
            invoice.action_post()
            vals = {
                "partner_id": partner.id,
                "state": "issued",
                "identity_number": mask(app.identity_number),
            }
            if not app.phone_bill_shown:
                due = today + timedelta(days=1)
                vals["verification_due"] = due
                app.activity_schedule(
                    "retail_counter.mail_activity_type_counter_verification",
                    date_deadline=due,
                    summary=self.env._("Call %(name)s to confirm phone and address", name=app.name),
                    user_id=app.user_id.id or self.env.user.id,
                )
            app.write(vals)
        return True

    def action_verified(self):
        """Verification callback done: phone and address confirmed."""
        for app in self:
            if app.state != "issued" or app.partner_id.counter_phone_verification != "pending":
                raise UserError(self.env._("No verification is pending for this card."))
        self.partner_id.write({"counter_phone_verification": "verified"})
        self.activity_feedback(
            ["retail_counter.mail_activity_type_counter_verification"],
            feedback=self.env._("Phone and address confirmed by phone."),
        )
        return True

    def action_cancel(self):
        if any(app.state == "issued" for app in self):
            raise UserError(self.env._("An issued card cannot be cancelled here."))
        self.write({"state": "cancelled"})
        return True
