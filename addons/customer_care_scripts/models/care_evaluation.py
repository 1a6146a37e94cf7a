from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

RESULT_RATIO = {"yes": 1.0, "partial": 0.5, "no": 0.0}
# what may still change once an evaluation is done
LOCKED_FIELDS = {
    "checklist_id",
    "staff_id",
    "evaluator_id",
    "team_id",
    "date",
    "res_model",
    "res_id",
    "line_ids",
    "script_version_id",
}


class CareEvaluation(models.Model):
    """A quality check (質監) of a staff member, or of one interaction (a ticket, a
    counter log...), scored against a checklist."""

    _name = "care.evaluation"
    _description = "Quality Evaluation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    checklist_id = fields.Many2one(
        "care.checklist", required=True, tracking=True, check_company=True, index=True
    )
    staff_id = fields.Many2one(
        "res.users",
        string="Staff Member",
        required=True,
        tracking=True,
        index=True,
        help="The person evaluated (for an interaction: who handled it).",
    )
    evaluator_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    team_id = fields.Many2one(
        "care.team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        index=True,
        check_company=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    res_model = fields.Char(string="Evaluated Model", index=True)
    res_id = fields.Many2oneReference(string="Evaluated Record ID", model_field="res_model")
    record_ref = fields.Reference(
        selection="_selection_record_ref",
        string="Evaluated Record",
        compute="_compute_record_ref",
        inverse="_inverse_record_ref",
    )
    res_name = fields.Char(string="Record", compute="_compute_res_name", store=True)
    subject = fields.Selection(
        [("staff", "Staff Member"), ("record", "Interaction")],
        compute="_compute_subject",
        store=True,
    )
    script_version_id = fields.Many2one(
        "care.script.version",
        help="The script version in force for the evaluated record, kept as it was.",
    )
    line_ids = fields.One2many("care.evaluation.line", "evaluation_id", string="Items", copy=True)
    score = fields.Float(
        compute="_compute_score",
        store=True,
        aggregator="avg",
        help="Weighted score in %; items marked not applicable do not count.",
    )
    passed = fields.Boolean(compute="_compute_score", store=True)
    comment = fields.Html()
    improvement_action = fields.Text(
        help="What the staff member should improve; planned as an activity for them."
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        copy=False,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    # ------------------------------------------------------------------ computes
    @api.model
    def _selection_record_ref(self):
        # sudo: the list of model names is not confidential and ir.model is admin-only;
        # interactions worth evaluating (tickets, counter logs...) are documents with a chatter
        models = self.env["ir.model"].sudo().search([("is_mail_thread", "=", True)], order="name")
        return [(model.model, model.name) for model in models]

    @api.depends("res_model", "res_id")
    def _compute_record_ref(self):
        for evaluation in self:
            if evaluation.res_model in self.env and evaluation.res_id:
                evaluation.record_ref = f"{evaluation.res_model},{evaluation.res_id}"
            else:
                evaluation.record_ref = False

    def _inverse_record_ref(self):
        for evaluation in self:
            record = evaluation.record_ref
            evaluation.res_model = record._name if record else False
            evaluation.res_id = record.id if record else False

    @api.depends("res_model", "res_id")
    def _compute_res_name(self):
        for evaluation in self:
            record = evaluation._care_record()
            # sudo: the evaluation keeps a readable label of what was evaluated
            evaluation.res_name = record.sudo().display_name if record else False

    @api.depends("res_model")
    def _compute_subject(self):
        for evaluation in self:
            evaluation.subject = "record" if evaluation.res_model else "staff"

    @api.depends("staff_id", "company_id")
    def _compute_team_id(self):
        Team = self.env["care.team"]
        teams = Team._care_team_by_user(self.staff_id)
        for evaluation in self:
            evaluation.team_id = Team._care_team_pick(
                teams, evaluation.staff_id, evaluation.company_id
            )

    @api.depends("line_ids.result", "line_ids.weight", "checklist_id.pass_score")
    def _compute_score(self):
        for evaluation in self:
            scored = evaluation.line_ids.filtered(lambda line: line.result in RESULT_RATIO)
            total = sum(scored.mapped("weight"))
            evaluation.score = (
                100.0 * sum(line.weight * RESULT_RATIO[line.result] for line in scored) / total
                if total
                else 0.0
            )
            evaluation.passed = (
                bool(total) and evaluation.score >= evaluation.checklist_id.pass_score
            )

    def _care_record(self):
        self.ensure_one()
        if not self.res_model or not self.res_id or self.res_model not in self.env:
            return None
        return self.env[self.res_model].browse(self.res_id).exists() or None

    # ------------------------------------------------------------------ constraints
    @api.constrains("staff_id", "evaluator_id")
    def _check_not_self(self):
        for evaluation in self:
            if evaluation.staff_id == evaluation.evaluator_id:
                raise ValidationError(
                    self.env._(
                        "An evaluator cannot evaluate themselves (%(name)s).",
                        name=evaluation.staff_id.name,
                    )
                )

    @api.constrains("res_model", "res_id")
    def _check_record(self):
        for evaluation in self:
            if not evaluation.res_model and not evaluation.res_id:
                continue
            if evaluation.res_model not in self.env or not evaluation.res_id:
                raise ValidationError(
                    self.env._(
                        "The evaluated record %(model)s,%(id)s is not valid.",
                        model=evaluation.res_model,
                        id=evaluation.res_id,
                    )
                )
            # sudo: existence check only, the evaluator may not read the record
            if not self.env[evaluation.res_model].sudo().browse(evaluation.res_id).exists():
                raise ValidationError(
                    self.env._(
                        "The evaluated record %(model)s,%(id)s does not exist.",
                        model=evaluation.res_model,
                        id=evaluation.res_id,
                    )
                )

    # ------------------------------------------------------------------ onchange
    @api.onchange("checklist_id")
    def _onchange_checklist_id(self):
        if self.state == "draft":
            self.line_ids = [fields.Command.clear()] + [
                fields.Command.create(vals) for vals in self._care_line_vals(self.checklist_id)
            ]

    @api.onchange("record_ref")
    def _onchange_record_ref(self):
        record = self.record_ref
        self.res_model = record._name if record else False
        self.res_id = record.id if record else False
        if record and "user_id" in record._fields and record.user_id._name == "res.users":
            self.staff_id = record.user_id
        self.script_version_id = self._care_script_version_of(record)

    @api.model
    def _care_script_version_of(self, record):
        if record and "care_script_id" in record._fields:
            return record.care_script_id._care_ensure_versions()
        return self.env["care.script.version"]

    @api.model
    def _care_line_vals(self, checklist):
        checklist.item_ids.script_id._care_ensure_versions()  # one pass for all items
        return [
            {
                "item_id": item.id,
                "sequence": item.sequence,
                "name": item.name,
                "weight": item.weight,
                "script_version_id": item.script_id.current_version_id.id,
            }
            for item in checklist.item_ids
        ]

    # ------------------------------------------------------------------ ORM
    @api.model_create_multi
    def create(self, vals_list):
        Checklist = self.env["care.checklist"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("care.evaluation") or "/"
            if vals.get("checklist_id") and not vals.get("line_ids"):
                vals["line_ids"] = [
                    fields.Command.create(line)
                    for line in self._care_line_vals(Checklist.browse(vals["checklist_id"]))
                ]
        evaluations = super().create(vals_list)
        for evaluation in evaluations.filtered(lambda e: e.res_model and not e.script_version_id):
            evaluation.script_version_id = self._care_script_version_of(evaluation._care_record())
        return evaluations

    def write(self, vals):
        if LOCKED_FIELDS & set(vals) and any(e.state != "draft" for e in self):
            raise UserError(
                self.env._("Only draft evaluations can be changed; reset it to draft first.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(evaluation.state == "done" for evaluation in self):
            raise UserError(self.env._("Done evaluations cannot be deleted; cancel them instead."))

    # ------------------------------------------------------------------ actions
    def action_done(self):
        for evaluation in self:
            if evaluation.state != "draft":
                raise UserError(
                    self.env._(
                        "Only draft evaluations can be completed (%(name)s).", name=evaluation.name
                    )
                )
            if not evaluation.line_ids:
                raise UserError(
                    self.env._(
                        "The evaluation %(name)s has no items to score.", name=evaluation.name
                    )
                )
            if evaluation.line_ids.filtered(lambda line: not line.result):
                raise UserError(
                    self.env._(
                        "Score every item of %(name)s before completing it.", name=evaluation.name
                    )
                )
            if not evaluation.line_ids.filtered(lambda line: line.result in RESULT_RATIO):
                raise UserError(
                    self.env._(
                        "At least one item of %(name)s must be applicable.", name=evaluation.name
                    )
                )
        self.write({"state": "done"})
        for evaluation in self.filtered(lambda e: not e.passed or e.improvement_action):
            evaluation._care_plan_improvement()
        return True

    def action_cancel(self):
        if any(evaluation.state == "cancel" for evaluation in self):
            raise UserError(self.env._("The evaluation is already cancelled."))
        self.write({"state": "cancel"})
        return True

    def action_draft(self):
        if any(evaluation.state == "draft" for evaluation in self):
            raise UserError(self.env._("The evaluation is already a draft."))
        self.write({"state": "draft"})
        return True

    def action_plan_improvement(self):
        for evaluation in self:
            if evaluation.state != "done":
                raise UserError(self.env._("Plan improvement actions on done evaluations only."))
            if not evaluation.improvement_action and evaluation.passed:
                raise UserError(self.env._("Describe the improvement action first."))
            evaluation._care_plan_improvement()
        return True

    def _care_plan_improvement(self):
        """Plan an improvement activity for the evaluated staff member."""
        self.ensure_one()
        missed = self.line_ids.filtered(lambda line: line.result in ("no", "partial"))
        note = Markup("")
        if self.improvement_action:
            note += Markup("<p>%s</p>") % self.improvement_action
        if missed:
            note += Markup("<ul>%s</ul>") % Markup("").join(
                Markup("<li>%s</li>") % line.name for line in missed
            )
        return self.activity_schedule(
            "customer_care_scripts.mail_activity_type_care_improvement",
            summary=self.env._(
                "Improvement: %(checklist)s (%(score)s%%)",
                checklist=self.checklist_id.name,
                score=round(self.score, 1),
            ),
            note=note,
            user_id=self.staff_id.id,
        )

    def _care_check_draft(self):
        if any(evaluation.state != "draft" for evaluation in self):
            raise UserError(
                self.env._("Only draft evaluations can be changed; reset it to draft first.")
            )

    def action_open_record(self):
        self.ensure_one()
        record = self._care_record()
        if not record:
            raise UserError(self.env._("This evaluation is not about a record."))
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
        }


class CareEvaluationLine(models.Model):
    _name = "care.evaluation.line"
    _description = "Quality Evaluation Item"
    _order = "evaluation_id, sequence, id"

    evaluation_id = fields.Many2one(
        "care.evaluation", required=True, ondelete="cascade", index=True
    )
    item_id = fields.Many2one("care.checklist.item", string="Checklist Item", ondelete="set null")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Criterion", required=True)
    weight = fields.Float(default=1.0, required=True)
    result = fields.Selection(
        [("yes", "Met"), ("partial", "Partly Met"), ("no", "Not Met"), ("na", "Not Applicable")]
    )
    comment = fields.Char()
    script_version_id = fields.Many2one("care.script.version")
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True)

    _sql_constraints = [
        ("weight_positive", "CHECK(weight > 0)", "The weight of an item must be positive."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.evaluation_id._care_check_draft()
        return lines

    def write(self, vals):
        self.evaluation_id._care_check_draft()
        return super().write(vals)
