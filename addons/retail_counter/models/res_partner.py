from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

MAILER_STATUS = [
    ("1", "1 - Normal: mailers sent"),
    ("5", "5 - Locked: no purchase for 60 days"),
    ("6", "6 - Unreachable: could not contact the member"),
    ("8", "8 - Returned by the post office"),
    ("9", "9 - Address not confirmed"),
]
LOCK_DAYS = 60


def mask(value, keep=4):
    """'110105198001011234' -> '**************1234'."""
    if not value:
        return False
    value = str(value)
    return "*" * max(len(value) - keep, 0) + value[-keep:]


class ResPartner(models.Model):
    _inherit = "res.partner"

    counter_card_number = fields.Char(
        string="Member Card Number", copy=False, index=True, readonly=True
    )
    counter_card_issue_date = fields.Date(string="Card Issued On", copy=False, readonly=True)
    counter_card_company_id = fields.Many2one(
        "res.company", string="Card Issued By", copy=False, readonly=True
    )
    # personal data: only counter supervisors read the full values (see the masked twins)
    counter_identity_number = fields.Char(
        string="Identity Number", copy=False, groups="retail_counter.group_counter_supervisor"
    )
    counter_home_phone = fields.Char(
        string="Home Phone", copy=False, groups="retail_counter.group_counter_supervisor"
    )
    counter_identity_masked = fields.Char(
        string="Identity Number (masked)", compute="_compute_counter_masked"
    )
    counter_home_phone_masked = fields.Char(
        string="Home Phone (masked)", compute="_compute_counter_masked"
    )
    counter_phone_verification = fields.Selection(
        [("verified", "Verified"), ("pending", "Callback Pending")],
        string="Phone Verification",
        copy=False,
        tracking=True,
    )
    counter_mailer_status = fields.Selection(
        MAILER_STATUS, string="Mailer Status", copy=False, tracking=True, index=True
    )
    counter_mailer_locked_on = fields.Date(string="Mailer Locked On", copy=False)
    counter_mailer_unlocked_on = fields.Date(string="Mailer Unlocked On", copy=False)
    counter_last_purchase_date = fields.Date(string="Last Purchase", copy=False, index=True)
    counter_business_licence = fields.Char(
        string="Business Licence No.", help="Copy of the business licence on file."
    )
    counter_legal_representative = fields.Char(
        string="Legal Representative", help="Copy of the legal representative's ID on file."
    )
    counter_vat_eligible = fields.Boolean(
        string="May Receive VAT Invoices", compute="_compute_counter_vat_eligible"
    )

    _sql_constraints = [
        (
            "counter_card_number_uniq",
            "unique(counter_card_number)",
            "This member card number is already used.",
        ),
    ]

    @api.depends_context("uid")
    def _compute_counter_masked(self):
        # sudo: the masked twin shows only the last digits to users who may not read the
        # full number (the field itself is restricted to counter supervisors).
        for partner, sudo_partner in zip(self, self.sudo(), strict=True):
            partner.counter_identity_masked = mask(sudo_partner.counter_identity_number)
            partner.counter_home_phone_masked = mask(sudo_partner.counter_home_phone)

    @api.depends(
        "is_company",
        "counter_card_number",
        "counter_business_licence",
        "counter_legal_representative",
    )
    def _compute_counter_vat_eligible(self):
        for partner in self:
            partner.counter_vat_eligible = bool(
                partner.is_company
                and partner.counter_card_number
                and partner.counter_business_licence
                and partner.counter_legal_representative
            )

    def _counter_register_purchase(self, date):
        """A purchase with the card: remember it and unlock a locked mailer (status 5)."""
        for partner in self:
            vals = {}
            if not partner.counter_last_purchase_date or partner.counter_last_purchase_date < date:
                vals["counter_last_purchase_date"] = date
            if partner.counter_mailer_status == "5":
                vals.update(
                    counter_mailer_status="1",
                    counter_mailer_unlocked_on=fields.Date.context_today(self),
                )
            if vals:
                partner.write(vals)

    @api.model
    def _cron_lock_mailers(self):
        """Lock mailers (status 5) of cards unused for 60 days; unlock after a purchase.

        Two set-wise statements; running it twice changes nothing more.
        """
        self.env["res.partner"].flush_model(
            [
                "counter_mailer_status",
                "counter_card_number",
                "counter_last_purchase_date",
                "counter_card_issue_date",
            ]
        )
        today = fields.Date.context_today(self)
        cutoff = today - timedelta(days=LOCK_DAYS)
        self.env.cr.execute(
            SQL(
                """
                UPDATE res_partner
                   SET counter_mailer_status = '5', counter_mailer_locked_on = %(today)s
                 WHERE counter_mailer_status = '1'
                   AND counter_card_number IS NOT NULL
                   AND COALESCE(counter_last_purchase_date, counter_card_issue_date) < %(cutoff)s
                """,
                today=today,
                cutoff=cutoff,
            )
        )
        locked = self.env.cr.rowcount
        self.env.cr.execute(
            SQL(
                """
                UPDATE res_partner
                   SET counter_mailer_status = '1', counter_mailer_unlocked_on = %(today)s
                 WHERE counter_mailer_status = '5'
                   AND counter_last_purchase_date >= %(cutoff)s
                """,
                today=today,
                cutoff=cutoff,
            )
        )
        unlocked = self.env.cr.rowcount
        self.invalidate_model(
            ["counter_mailer_status", "counter_mailer_locked_on", "counter_mailer_unlocked_on"]
        )
        return locked, unlocked
