from odoo import api, fields, models
from odoo.exceptions import UserError

ISSUE_CONDITIONS = [
    ("new", "New"),
    ("good", "Good"),
    ("worn", "Worn"),
]
RETURN_CONDITIONS = [
    ("good", "Good"),
    ("worn", "Worn"),
    ("damaged", "Damaged"),
    ("lost", "Lost"),
]


class ItCiIssuance(models.Model):
    """One hand-over of an item to a person (登記發放) and, later, its return."""

    _name = "it.ci.issuance"
    _description = "Configuration Item Issuance"
    _inherit = ["mail.thread"]
    _order = "date_issued desc, id desc"
    _rec_name = "ci_id"
    _check_company_auto = True

    ci_id = fields.Many2one(
        "it.ci", string="Item", required=True, index=True, ondelete="restrict", check_company=True
    )
    asset_number = fields.Char(related="ci_id.asset_number", store=True, string="Asset Number")
    class_id = fields.Many2one(related="ci_id.class_id", store=True, string="Class")
    partner_id = fields.Many2one(
        "res.partner", string="Holder", required=True, index=True, ondelete="restrict"
    )
    user_id = fields.Many2one("res.users", string="Holder (User)", index=True)
    date_issued = fields.Date(required=True, default=fields.Date.context_today)
    condition_issued = fields.Selection(
        ISSUE_CONDITIONS, string="Condition at Issue", required=True, default="good"
    )
    issued_by_id = fields.Many2one("res.users", default=lambda self: self.env.user, required=True)
    date_returned = fields.Date(copy=False, tracking=True)
    condition_returned = fields.Selection(
        RETURN_CONDITIONS, string="Condition at Return", copy=False, tracking=True
    )
    received_by_id = fields.Many2one("res.users", copy=False)
    state = fields.Selection(
        [
            ("issued", "Issued"),
            ("returned", "Returned"),
            ("damaged", "Returned Damaged"),
            ("lost", "Lost"),
        ],
        default="issued",
        required=True,
        index=True,
        copy=False,
        tracking=True,
    )
    note = fields.Text()
    company_id = fields.Many2one(related="ci_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "return_after_issue",
            "CHECK(date_returned IS NULL OR date_returned >= date_issued)",
            "An item cannot be returned before it was issued.",
        ),
    ]

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        raise UserError(self.env._("Issuance history is kept: it cannot be deleted."))

    def action_print_handover(self):
        return self.env.ref("it_cmdb.action_report_it_ci_handover").report_action(
            self, config=False
        )

    def action_return(self):
        self.ensure_one()
        if self.state != "issued":
            raise UserError(self.env._("This issuance is already closed."))
        return self.ci_id.action_return()


class ResPartner(models.Model):
    _inherit = "res.partner"

    it_ci_issuance_ids = fields.One2many("it.ci.issuance", "partner_id", string="IT Items Issued")
    it_ci_held_count = fields.Integer(compute="_compute_it_ci_held_count", string="IT Items Held")

    @api.depends("it_ci_issuance_ids.state")
    def _compute_it_ci_held_count(self):
        if not self.env["it.ci.issuance"].has_access("read"):
            self.it_ci_held_count = 0
            return
        counts = dict(
            self.env["it.ci.issuance"]._read_group(
                [("partner_id", "in", self.ids), ("state", "=", "issued")],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.it_ci_held_count = counts.get(partner, 0)

    def action_open_it_ci_issuances(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("IT Items Issued"),
            "res_model": "it.ci.issuance",
            "view_mode": "list,form",
            "domain": [("partner_id", "=", self.id)],
            "context": {"search_default_current": 1},
        }
