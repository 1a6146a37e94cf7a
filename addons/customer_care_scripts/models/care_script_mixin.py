from odoo import api, fields, models
from odoo.exceptions import UserError

from .care_script import fill_placeholders


class CareScriptMixin(models.AbstractModel):
    """Shows the script of a record's current situation on its form.

    Contract (other modules rely on it, keep it stable):

    * ``_care_script_code(self)``: code of the ``care.script`` for the record's current
      situation, or False (called per record);
    * ``_care_script_values(self)``: ``{placeholder: value}`` for the record;
    * ``care_script_id`` (Many2one ``care.script``) and ``care_script_html`` (Html).

    Extras: ``care_script_next_step`` (the first mandatory step not ticked yet),
    ``action_care_script_compliance()`` (opens the step checklist of the record),
    ``_care_script_compliance()`` and ``_care_script_mark_steps()`` for code.
    """

    _name = "care.script.mixin"
    _description = "Care Script on a Form"
    # Fields the situation and the placeholder values are read from. A model lists them
    # so that the panel follows its form live, a new unsaved record included.
    _care_script_depends = ()

    care_script_id = fields.Many2one(
        "care.script", string="Script", compute="_compute_care_script_id"
    )
    care_script_html = fields.Html(
        string="What to Say", compute="_compute_care_script_id", sanitize=False
    )
    care_script_next_step = fields.Text(
        string="Next Step",
        compute="_compute_care_script_id",
        help="The first mandatory step of the script not ticked yet on this record.",
    )

    def _care_script_code(self):
        """Code of the ``care.script`` for the record's current situation, or False."""
        return False

    def _care_script_values(self):
        """Placeholder values of the record, e.g. ``{"customer_name": ...}``."""
        return {}

    def _care_script_company(self):
        """Company whose scripts apply to the record (company-specific scripts win over
        shared ones)."""
        if "company_id" in self._fields and self.company_id:
            return self.company_id
        return self.env.company

    @api.depends(lambda self: self._care_script_depends)
    @api.depends_context("lang", "uid")
    def _compute_care_script_id(self):
        Script = self.env["care.script"]
        if not Script.has_access("read"):
            # users outside the care groups simply see no script
            for record in self:
                record.care_script_id = False
                record.care_script_html = False
                record.care_script_next_step = False
            return
        codes = {record: record._care_script_code() for record in self}
        wanted = {code for code in codes.values() if code}
        scripts = (
            Script.search([("code", "in", list(wanted)), ("state", "=", "published")])
            if wanted
            else Script
        )
        by_code = {}
        for script in scripts:
            by_code.setdefault(script.code, []).append(script)
        chosen = {}
        for record in self:
            company = record._care_script_company()
            candidates = [
                s
                for s in by_code.get(codes[record], [])
                if (not s.model_ids or self._name in s.model_ids.mapped("model"))
                and (not s.company_id or s.company_id == company)
            ]
            # a company's own script wins over the shared one
            candidates.sort(key=lambda s: not s.company_id)
            chosen[record] = candidates[0] if candidates else Script
        done_steps = self._care_script_done_source_steps(
            {record: script.current_version_id for record, script in chosen.items()}
        )
        for record in self:
            script = chosen[record]
            if not script:
                record.care_script_id = False
                record.care_script_html = False
                record.care_script_next_step = False
                continue
            done = done_steps.get(record.id, set())
            next_step = script.step_ids.filtered(
                lambda step, done=done: step.mandatory and step.id not in done
            )[:1]
            values = record._care_script_values() or {}
            record.care_script_id = script
            record.care_script_html = script._care_render_html(values, next_step=next_step)
            record.care_script_next_step = (
                fill_placeholders(next_step.text, values) if next_step else False
            )

    def _care_script_done_source_steps(self, versions):
        """``{record id: set of care.script.step ids ticked}`` on the current versions,
        from one search over the compliance records of ``self``."""
        Compliance = self.env["care.script.compliance"]
        ids = [record.id for record in self if isinstance(record.id, int)]
        if not ids or not Compliance.has_access("read"):
            return {}
        compliances = Compliance.search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", ids),
                ("version_id", "in", [v.id for v in versions.values() if v]),
            ]
        )
        result = {}
        for compliance in compliances:
            record = self.browse(compliance.res_id)
            if versions.get(record) != compliance.version_id:
                continue
            result.setdefault(compliance.res_id, set()).update(
                compliance.line_ids.filtered("done").step_id.source_step_id.ids
            )
        return result

    def _care_script_compliance(self, create=True, user=None):
        """The compliance record of ``user`` (default: the current user) on the
        record's current script version; created when missing and ``create``."""
        self.ensure_one()
        version = (
            self.care_script_id._care_ensure_versions()
            if create
            else self.care_script_id.current_version_id
        )
        if not version:
            if not create:
                return self.env["care.script.compliance"]
            raise UserError(
                self.env._("No published script applies to %(record)s.", record=self.display_name)
            )
        Compliance = self.env["care.script.compliance"]
        if not create:
            return Compliance.search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("version_id", "=", version.id),
                    ("user_id", "=", (user or self.env.user).id),
                ],
                limit=1,
            )
        return Compliance._care_get_or_create(self, version, user=user)

    def _care_script_mark_steps(self, sequences, done=True, user=None):
        """Tick the steps (by sequence number) of the record's current script, for
        ``user`` (default: the current user). Returns the compliance record."""
        if isinstance(user, int):
            user = self.env["res.users"].browse(user)
        compliance = self._care_script_compliance(user=user)
        compliance.action_mark_steps(sequences, done=done)
        return compliance

    def action_care_script_compliance(self):
        """Open the step checklist of the record's current script (in a dialog)."""
        compliance = self._care_script_compliance()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Script Steps Done"),
            "res_model": "care.script.compliance",
            "res_id": compliance.id,
            "view_mode": "form",
            "views": [
                (
                    self.env.ref("customer_care_scripts.care_script_compliance_view_form_tick").id,
                    "form",
                )
            ],
            "target": "new",
        }
