from odoo import api, fields, models


class CareScriptStep(models.Model):
    _name = "care.script.step"
    _description = "Care Script Step"
    _order = "script_id, sequence, id"

    script_id = fields.Many2one("care.script", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    text = fields.Text(
        string="Phrase",
        required=True,
        translate=True,
        help="The phrase to say. Placeholders such as {customer_name} are filled from the record.",
    )
    note = fields.Char(
        string="Instruction",
        translate=True,
        help="What to do at this step or when it applies (shown to staff, never said).",
    )
    mandatory = fields.Boolean(
        default=True,
        help="Mandatory steps count in the compliance rate; optional ones (e.g. only "
        "when the customer has no phone bill) count only when done.",
    )
    company_id = fields.Many2one(related="script_id.company_id", store=True, index=True)

    def _care_scripts_snapshot(self, scripts):
        if not self.env.context.get("care_script_no_snapshot"):
            scripts._care_snapshot()

    @api.model_create_multi
    def create(self, vals_list):
        steps = super().create(vals_list)
        self._care_scripts_snapshot(steps.script_id)
        return steps

    def write(self, vals):
        scripts = self.script_id
        result = super().write(vals)
        self._care_scripts_snapshot(scripts | self.script_id)
        return result

    def unlink(self):
        scripts = self.script_id
        result = super().unlink()
        self._care_scripts_snapshot(scripts.exists())
        return result

    def _update_field_translations(self, field_name, translations, digest=None, source_lang=None):
        result = super()._update_field_translations(
            field_name, translations, digest=digest, source_lang=source_lang
        )
        self._care_scripts_snapshot(self.script_id)
        return result
