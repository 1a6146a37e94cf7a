from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from .care_script import fill_placeholders


class CareScriptVersion(models.Model):
    """A frozen copy of a published script: what staff were asked to say at the time.

    Evaluations and compliance records point to a version, so later edits of the
    script never rewrite what they were measured against.
    """

    _name = "care.script.version"
    _description = "Care Script Version"
    _order = "script_id, version desc"
    _rec_name = "name"

    script_id = fields.Many2one(
        "care.script", required=True, ondelete="cascade", index=True, readonly=True
    )
    code = fields.Char(related="script_id.code", store=True)
    version = fields.Integer(required=True, readonly=True)
    name = fields.Char(required=True, translate=True, readonly=True)
    step_ids = fields.One2many(
        "care.script.version.step", "version_id", string="Steps", readonly=True
    )
    fingerprint = fields.Char(readonly=True, help="Digest of the content, all languages.")
    is_current = fields.Boolean(compute="_compute_is_current")
    company_id = fields.Many2one(related="script_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "script_version_uniq",
            "unique(script_id, version)",
            "A version number is unique per script.",
        ),
    ]

    @api.depends("version")
    def _compute_display_name(self):
        for version in self:
            version.display_name = f"{version.name} (v{version.version})"

    @api.depends("script_id.current_version_id")
    def _compute_is_current(self):
        for version in self:
            version.is_current = version.script_id.current_version_id == version

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        # sudo: a reference the deleting user cannot read still counts
        if self.env["care.script.compliance"].sudo().search_count(
            [("version_id", "in", self.ids)], limit=1
        ) or self.env["care.evaluation"].sudo().search_count(
            [("script_version_id", "in", self.ids)], limit=1
        ):
            raise UserError(
                self.env._("Script versions used by evaluations or compliance records are kept.")
            )

    def _care_render_html(self, values):
        self.ensure_one()
        items = Markup("").join(
            Markup("<li>“%s”</li>") % fill_placeholders(step.text, values) for step in self.step_ids
        )
        return Markup("<p><strong>%s</strong></p><ol>%s</ol>") % (escape(self.display_name), items)


class CareScriptVersionStep(models.Model):
    _name = "care.script.version.step"
    _description = "Care Script Version Step"
    _order = "version_id, sequence, id"

    version_id = fields.Many2one(
        "care.script.version", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(readonly=True)
    text = fields.Text(string="Phrase", required=True, translate=True, readonly=True)
    note = fields.Char(string="Instruction", translate=True, readonly=True)
    mandatory = fields.Boolean(default=True, readonly=True)
    source_step_id = fields.Many2one(
        "care.script.step", ondelete="set null", readonly=True, index="btree_not_null"
    )
