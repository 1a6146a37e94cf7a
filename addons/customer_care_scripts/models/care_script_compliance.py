from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CareScriptCompliance(models.Model):
    """Which steps of a script version a staff member did on one record (a callback,
    a counter log...)."""

    _name = "care.script.compliance"
    _description = "Script Compliance"
    _order = "date desc, id desc"
    _check_company_auto = True

    res_model = fields.Char(string="Model", required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Record ID", model_field="res_model", required=True, index=True, readonly=True
    )
    res_name = fields.Char(string="Record", readonly=True)
    script_id = fields.Many2one(
        related="version_id.script_id", store=True, index=True, string="Script"
    )
    version_id = fields.Many2one(
        "care.script.version",
        string="Script Version",
        required=True,
        # deletion of a used version is refused by the ORM (care.script.version);
        # the cascade only lets the module uninstall cleanly
        ondelete="cascade",
        readonly=True,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Staff Member",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        readonly=True,
        ondelete="cascade",
    )
    team_id = fields.Many2one("care.team", compute="_compute_team_id", store=True, index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    line_ids = fields.One2many("care.script.compliance.line", "compliance_id", string="Steps")
    step_count = fields.Integer(
        string="Mandatory Steps", compute="_compute_rate", store=True, aggregator="sum"
    )
    done_count = fields.Integer(
        string="Mandatory Steps Done", compute="_compute_rate", store=True, aggregator="sum"
    )
    rate = fields.Float(
        string="Compliance Rate",
        compute="_compute_rate",
        store=True,
        aggregator="avg",
        help="Mandatory steps done, in %.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _sql_constraints = [
        (
            "record_version_user_uniq",
            "unique(res_model, res_id, version_id, user_id)",
            "A staff member has one compliance record per record and script version.",
        ),
    ]

    @api.depends("res_name", "version_id")
    def _compute_display_name(self):
        for compliance in self:
            compliance.display_name = (
                f"{compliance.version_id.display_name} – {compliance.res_name or ''}"
            )

    @api.depends("user_id", "company_id")
    def _compute_team_id(self):
        Team = self.env["care.team"]
        teams = Team._care_team_by_user(self.user_id)
        for compliance in self:
            compliance.team_id = Team._care_team_pick(
                teams, compliance.user_id, compliance.company_id
            )

    @api.depends("line_ids.done", "line_ids.mandatory")
    def _compute_rate(self):
        for compliance in self:
            mandatory = compliance.line_ids.filtered("mandatory")
            done = mandatory.filtered("done")
            compliance.step_count = len(mandatory)
            compliance.done_count = len(done)
            compliance.rate = 100.0 * len(done) / len(mandatory) if mandatory else 100.0

    @api.constrains("res_model", "res_id")
    def _check_record(self):
        for compliance in self:
            if compliance.res_model not in self.env:
                raise ValidationError(
                    self.env._("Unknown model %(model)s.", model=compliance.res_model)
                )
            # sudo: existence check only
            if not self.env[compliance.res_model].sudo().browse(compliance.res_id).exists():
                raise ValidationError(
                    self.env._(
                        "The record %(model)s,%(id)s does not exist.",
                        model=compliance.res_model,
                        id=compliance.res_id,
                    )
                )

    @api.model
    def _care_get_or_create(self, record, version, user=None):
        """The compliance record of ``user`` (default: current user) for ``record`` on
        ``version``, created with one line per step when missing."""
        record.ensure_one()
        if not version:
            raise UserError(
                self.env._("No published script applies to %(record)s.", record=record.display_name)
            )
        user = user or self.env.user
        compliance = self.search(
            [
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
                ("version_id", "=", version.id),
                ("user_id", "=", user.id),
            ],
            limit=1,
        )
        if compliance:
            return compliance
        company = record.company_id if "company_id" in record._fields else False
        return self.create(
            {
                "res_model": record._name,
                "res_id": record.id,
                "res_name": record.display_name,
                "version_id": version.id,
                "user_id": user.id,
                "company_id": (company or self.env.company).id,
                "line_ids": [
                    fields.Command.create({"step_id": step.id}) for step in version.step_ids
                ],
            }
        )

    def action_mark_steps(self, steps, done=True):
        """Tick (or untick) the given version steps (``care.script.version.step``
        records, or their sequence numbers)."""
        self.ensure_one()
        wanted = len(steps)
        if not isinstance(steps, models.BaseModel):
            steps = self.version_id.step_ids.filtered(lambda s: s.sequence in steps)
        lines = self.line_ids.filtered(lambda line: line.step_id in steps)
        if not wanted or len(lines) != wanted:
            raise UserError(self.env._("These steps are not part of the script version."))
        lines.write({"done": done})
        return True

    def action_mark_all_done(self):
        self.line_ids.write({"done": True})
        return True

    def action_open_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }


class CareScriptComplianceLine(models.Model):
    _name = "care.script.compliance.line"
    _description = "Script Compliance Step"
    _order = "compliance_id, sequence, id"

    compliance_id = fields.Many2one(
        "care.script.compliance", required=True, ondelete="cascade", index=True
    )
    step_id = fields.Many2one(
        "care.script.version.step", required=True, ondelete="cascade", readonly=True
    )
    sequence = fields.Integer(related="step_id.sequence", store=True)
    text = fields.Text(related="step_id.text", string="Phrase")
    note = fields.Char(related="step_id.note", string="Instruction")
    mandatory = fields.Boolean(related="step_id.mandatory", store=True)
    done = fields.Boolean()
    company_id = fields.Many2one(related="compliance_id.company_id", store=True)

    @api.constrains("step_id", "compliance_id")
    def _check_step(self):
        for line in self:
            if line.step_id.version_id != line.compliance_id.version_id:
                raise ValidationError(
                    self.env._("A step must belong to the script version of its record.")
                )
