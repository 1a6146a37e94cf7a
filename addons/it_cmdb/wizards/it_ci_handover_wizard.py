from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.it_ci_issuance import ISSUE_CONDITIONS, RETURN_CONDITIONS

# condition at return -> (state of the issuance, state of the item)
RETURN_OUTCOME = {
    "good": ("returned", "in_stock"),
    "worn": ("returned", "in_stock"),
    "damaged": ("damaged", "in_repair"),
    "lost": ("lost", "retired"),
}


class ItCiIssueWizard(models.TransientModel):
    """Issue one or more items in stock to a person (登記發放)."""

    _name = "it.ci.issue.wizard"
    _description = "Issue Configuration Items"

    ci_ids = fields.Many2many("it.ci", string="Items", required=True)
    user_id = fields.Many2one("res.users", string="Holder (User)", domain=[("share", "=", False)])
    partner_id = fields.Many2one(
        "res.partner",
        string="Holder",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    date_issued = fields.Date(required=True, default=fields.Date.context_today)
    condition_issued = fields.Selection(
        ISSUE_CONDITIONS, string="Condition", required=True, default="good"
    )
    note = fields.Text()
    print_form = fields.Boolean(string="Print Hand-over Form", default=True)

    @api.depends("user_id")
    def _compute_partner_id(self):
        for wizard in self:
            if wizard.user_id:
                wizard.partner_id = wizard.user_id.partner_id

    def action_confirm(self):
        self.ensure_one()
        for ci in self.ci_ids:
            if ci.state != "in_stock":
                raise UserError(
                    self.env._("%(ci)s is not in stock and cannot be issued.", ci=ci.display_name)
                )
            if not ci.is_issuable:
                raise UserError(
                    self.env._(
                        "%(ci)s is a %(cls)s: items of this class are not issued to people.",
                        ci=ci.display_name,
                        cls=ci.class_id.name,
                    )
                )
        if self.date_issued > fields.Date.context_today(self):
            raise UserError(self.env._("An item cannot be issued in the future."))
        issuances = self.env["it.ci.issuance"].create(
            [
                {
                    "ci_id": ci.id,
                    "partner_id": self.partner_id.id,
                    "user_id": self.user_id.id,
                    "date_issued": self.date_issued,
                    "condition_issued": self.condition_issued,
                    "note": self.note,
                }
                for ci in self.ci_ids
            ]
        )
        self.ci_ids.write(
            {
                "state": "issued",
                "holder_partner_id": self.partner_id.id,
                "holder_user_id": self.user_id.id,
                "date_issued": self.date_issued,
            }
        )
        for ci in self.ci_ids:
            ci.message_post(
                body=self.env._(
                    "Issued to %(holder)s on %(date)s (condition: %(condition)s).",
                    holder=self.partner_id.display_name,
                    date=self.date_issued,
                    condition=dict(ISSUE_CONDITIONS)[self.condition_issued],
                )
            )
        if self.print_form:
            return self.env.ref("it_cmdb.action_report_it_ci_handover").report_action(
                issuances, config=False
            )
        return {"type": "ir.actions.act_window_close"}


class ItCiReturnWizard(models.TransientModel):
    """Take an issued item back: returned, damaged or lost."""

    _name = "it.ci.return.wizard"
    _description = "Return a Configuration Item"

    ci_id = fields.Many2one("it.ci", string="Item", required=True)
    issuance_id = fields.Many2one("it.ci.issuance", compute="_compute_issuance_id")
    partner_id = fields.Many2one(related="issuance_id.partner_id", string="Holder")
    date_returned = fields.Date(required=True, default=fields.Date.context_today)
    condition_returned = fields.Selection(
        RETURN_CONDITIONS, string="Condition", required=True, default="good"
    )
    note = fields.Text()

    @api.depends("ci_id")
    def _compute_issuance_id(self):
        for wizard in self:
            wizard.issuance_id = wizard.ci_id.issuance_ids.filtered(lambda i: i.state == "issued")[
                :1
            ]

    def action_confirm(self):
        self.ensure_one()
        if self.ci_id.state != "issued" or not self.issuance_id:
            raise UserError(
                self.env._("%(ci)s is not issued to anyone.", ci=self.ci_id.display_name)
            )
        if self.date_returned < self.issuance_id.date_issued:
            raise UserError(self.env._("An item cannot be returned before it was issued."))
        if self.date_returned > fields.Date.context_today(self):
            raise UserError(self.env._("The return date cannot be in the future."))
        issuance_state, ci_state = RETURN_OUTCOME[self.condition_returned]
        self.issuance_id.write(
            {
                "state": issuance_state,
                "date_returned": self.date_returned,
                "condition_returned": self.condition_returned,
                "received_by_id": self.env.uid,
                "note": "\n".join(filter(None, [self.issuance_id.note, self.note])),
            }
        )
        holder = self.issuance_id.partner_id
        self.ci_id.write(
            {
                "state": ci_state,
                "holder_partner_id": False,
                "holder_user_id": False,
                "date_issued": False,
            }
        )
        self.ci_id.message_post(
            body=self.env._(
                "Returned by %(holder)s on %(date)s (condition: %(condition)s).",
                holder=holder.display_name,
                date=self.date_returned,
                condition=dict(RETURN_CONDITIONS)[self.condition_returned],
            )
        )
        return {"type": "ir.actions.act_window_close"}
