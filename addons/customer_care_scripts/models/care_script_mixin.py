import re

from markupsafe import Markup, escape

from odoo import api, fields, models

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


class CareScriptMixin(models.AbstractModel):
    """Shows the script of a record's current situation on its form.

    A model inheriting this mixin overrides ``_care_script_code`` (which situation the
    record is in) and ``_care_script_values`` (the placeholder values). The form shows
    ``care_script_html``.
    """

    _name = "care.script.mixin"
    _description = "Care Script on a Form"

    care_script_id = fields.Many2one(
        "care.script", string="Script", compute="_compute_care_script_id"
    )
    care_script_html = fields.Html(
        string="What to Say", compute="_compute_care_script_id", sanitize=False
    )

    def _care_script_code(self):
        """Code of the ``care.script`` for the record's current situation, or False."""
        return False

    def _care_script_values(self):
        """Placeholder values of the record, e.g. ``{"customer_name": ...}``."""
        return {}

    @api.depends_context("lang")
    def _compute_care_script_id(self):
        codes = {record: record._care_script_code() for record in self}
        scripts = self.env["care.script"].search(
            [("code", "in", [code for code in codes.values() if code])]
        )
        by_code = {script.code: script for script in scripts}
        for record in self:
            script = by_code.get(codes[record], self.env["care.script"])
            record.care_script_id = script
            record.care_script_html = record._care_script_render(script)

    def _care_script_render(self, script):
        if not script:
            return False
        values = self._care_script_values()

        def fill(match):
            # Only plain values are substituted; an unknown placeholder stays as typed.
            value = values.get(match.group(1))
            return str(value) if value not in (None, False) else match.group(0)

        items = Markup("").join(
            Markup("<li>%s</li>") % PLACEHOLDER.sub(fill, step.text or "")
            for step in script.step_ids
        )
        return Markup("<p><strong>%s</strong></p><ol>%s</ol>") % (escape(script.name), items)
