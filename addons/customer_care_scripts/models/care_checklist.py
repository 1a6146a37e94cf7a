from odoo import api, fields, models
from odoo.exceptions import UserError


class CareChecklist(models.Model):
    """A quality standard (質監): weighted items an evaluator scores."""

    _name = "care.checklist"
    _description = "Quality Checklist"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    audience = fields.Selection(
        [("counter", "Service Counter"), ("desk", "IT Service Desk"), ("any", "Any")],
        default="any",
        required=True,
    )
    description = fields.Text(translate=True)
    item_ids = fields.One2many("care.checklist.item", "checklist_id", string="Items", copy=True)
    total_weight = fields.Float(compute="_compute_total_weight")
    pass_score = fields.Float(
        default=80.0,
        tracking=True,
        help="Below this score (in %) an improvement action is planned for the staff member.",
    )
    company_id = fields.Many2one("res.company", index=True)

    _sql_constraints = [
        (
            "pass_score_range",
            "CHECK(pass_score >= 0 AND pass_score <= 100)",
            "The pass score is a percentage between 0 and 100.",
        ),
    ]

    @api.depends("item_ids.weight")
    def _compute_total_weight(self):
        for checklist in self:
            checklist.total_weight = sum(checklist.item_ids.mapped("weight"))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        # sudo: an evaluation the deleting user cannot read still uses the checklist
        if (
            self.env["care.evaluation"]
            .sudo()
            .search_count([("checklist_id", "in", self.ids)], limit=1)
        ):
            raise UserError(
                self.env._("Checklists used by evaluations cannot be deleted; archive them.")
            )


class CareChecklistItem(models.Model):
    _name = "care.checklist.item"
    _description = "Quality Checklist Item"
    _order = "checklist_id, sequence, id"

    checklist_id = fields.Many2one("care.checklist", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Criterion", required=True, translate=True)
    description = fields.Text(translate=True, help="What the evaluator looks for.")
    weight = fields.Float(default=1.0, required=True)
    script_id = fields.Many2one(
        "care.script",
        help="The script this criterion checks; the evaluation keeps the version in force.",
    )
    company_id = fields.Many2one(related="checklist_id.company_id", store=True)

    _sql_constraints = [
        (
            "weight_positive",
            "CHECK(weight > 0)",
            "The weight of a checklist item must be positive.",
        ),
    ]
