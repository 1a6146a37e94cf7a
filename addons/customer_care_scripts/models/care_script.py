import hashlib
import json
import re

from markupsafe import Markup, escape

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

# A placeholder is a plain identifier in braces: {customer_name}. Nothing else is
# interpreted (no attribute access, no format specs, no expressions), so a phrase typed
# by a user can never run code; anything that is not a known placeholder stays as typed.
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
CODE_PATTERN = re.compile(r"^[a-z0-9_.]+$")

# fields whose change on a published script makes a new version
VERSIONED_FIELDS = {"name", "step_ids"}


def fill_placeholders(text, values):
    """Return ``text`` with the ``{name}`` placeholders found in ``values`` replaced.

    Values are converted to plain text (records give their display name); unknown
    placeholders and empty values leave the placeholder visible as typed.
    """

    def fill(match):
        value = values.get(match.group(1))
        if value is None or value is False or value == "":
            return match.group(0)
        if isinstance(value, models.BaseModel):
            return ", ".join(value.mapped("display_name")) or match.group(0)
        return str(value)

    return PLACEHOLDER.sub(fill, text or "")


class CareScript(models.Model):
    """A situation staff meet (greeting, lost child, callback...) and what to say in it."""

    _name = "care.script"
    _description = "Care Script"
    _inherit = ["mail.thread"]
    _order = "sequence, id"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(
        required=True,
        index=True,
        tracking=True,
        help="Stable key by which forms find the script of their current situation "
        "(lower case letters, digits, dots and underscores).",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    audience = fields.Selection(
        [("counter", "Service Counter"), ("desk", "IT Service Desk"), ("any", "Any")],
        default="any",
        required=True,
        tracking=True,
    )
    description = fields.Text(
        translate=True, help="When staff use this script (shown to staff, never said)."
    )
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")],
        default="published",
        required=True,
        copy=False,
        tracking=True,
        help="Only published scripts are shown on forms. Changing a published script "
        "creates a new version; earlier versions stay with the evaluations and "
        "compliance records made on them. Prepare a new script as a draft.",
    )
    model_ids = fields.Many2many(
        "ir.model",
        string="Applies To",
        ondelete="cascade",
        help="Models whose forms show this script; empty means any.",
    )
    step_ids = fields.One2many("care.script.step", "script_id", string="Steps", copy=True)
    step_count = fields.Integer(compute="_compute_step_count")
    version_ids = fields.One2many(
        "care.script.version", "script_id", string="Versions", copy=False, readonly=True
    )
    current_version_id = fields.Many2one("care.script.version", copy=False, readonly=True)
    version = fields.Integer(
        related="current_version_id.version", string="Version Number", store=True
    )
    version_count = fields.Integer(compute="_compute_version_count")
    placeholder_names = fields.Char(
        string="Placeholders",
        compute="_compute_placeholder_names",
        help="Placeholders used by the steps; the form of the record fills them.",
    )
    preview_html = fields.Html(string="Preview", compute="_compute_preview_html", sanitize=False)
    company_id = fields.Many2one("res.company", index=True)

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "A script code must be unique."),
    ]

    def init(self):
        # the SQL constraint lets two shared scripts (company NULL) share a code
        tools.create_unique_index(
            self.env.cr,
            "care_script_code_company_uniq_idx",
            self._table,
            ["code", "COALESCE(company_id, 0)"],
        )

    def _care_check_code_free(self, code, company_id):
        """Clear error before the database's unique index refuses a duplicate code."""
        if code and self.with_context(active_test=False).search_count(
            [
                ("code", "=", code),
                ("company_id", "=", company_id or False),
                ("id", "not in", self.ids),
            ],
            limit=1,
        ):
            raise ValidationError(
                self.env._("A script with the code %(code)s already exists.", code=code)
            )

    @api.constrains("code")
    def _check_code(self):
        for script in self:
            if not CODE_PATTERN.match(script.code or ""):
                raise ValidationError(
                    self.env._(
                        "The code %(code)s may only hold lower case letters, digits, "
                        "dots and underscores.",
                        code=script.code,
                    )
                )

    @api.depends("step_ids")
    def _compute_step_count(self):
        for script in self:
            script.step_count = len(script.step_ids)

    @api.depends("version_ids")
    def _compute_version_count(self):
        counts = dict(
            self.env["care.script.version"]._read_group(
                [("script_id", "in", self.ids)], ["script_id"], ["__count"]
            )
        )
        for script in self:
            script.version_count = counts.get(script, 0)

    @api.depends("step_ids.text")
    def _compute_placeholder_names(self):
        for script in self:
            names = []
            for text in script.step_ids.mapped("text"):
                for name in PLACEHOLDER.findall(text or ""):
                    if name not in names:
                        names.append(name)
            script.placeholder_names = ", ".join(f"{{{name}}}" for name in names)

    @api.depends("name", "step_ids.text", "step_ids.note")
    @api.depends_context("lang")
    def _compute_preview_html(self):
        for script in self:
            script.preview_html = script._care_render_html({})

    # ------------------------------------------------------------------ rendering
    def _care_render_lines(self, values):
        """Filled phrases of the script's steps, in order (plain text)."""
        self.ensure_one()
        return [fill_placeholders(step.text, values) for step in self.step_ids]

    def _care_render_html(self, values, next_step=None):
        """HTML of the script with placeholders filled from ``values``.

        Every piece of text is escaped; ``next_step`` (a ``care.script.step``) is
        highlighted.
        """
        if not self:
            return False
        self.ensure_one()
        items = []
        for step in self.step_ids:
            note = (
                Markup('<div class="text-muted small fst-italic">%s</div>') % step.note
                if step.note
                else Markup("")
            )
            phrase = fill_placeholders(step.text, values)
            css = "o_care_script_next fw-bold" if step == next_step else ""
            optional = (
                Markup(' <span class="badge text-bg-light">%s</span>') % self.env._("optional")
                if not step.mandatory
                else Markup("")
            )
            items.append(
                Markup('<li class="%s">%s<span>“%s”</span>%s</li>') % (css, note, phrase, optional)
            )
        return Markup(
            '<div class="o_care_script"><p><strong>%s</strong> '
            '<span class="text-muted small">%s</span></p><ol>%s</ol></div>'
        ) % (
            escape(self.name),
            self.env._("v%(version)s", version=self.version) if self.version else "",
            Markup("").join(items),
        )

    # ------------------------------------------------------------------ versions
    # A version is the content in the source language (English) plus the structure of
    # the steps. Translations follow the current version: a translation fix is not a
    # new version; a changed English phrase, step added, removed or reordered is.
    def _care_fingerprints(self):
        """Digest of the source content (name, steps) of each script."""
        self.env["care.script"].flush_model(["name"])
        self.env["care.script.step"].flush_model(
            ["script_id", "sequence", "text", "note", "mandatory"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT s.id, s.name->>'en_US',
                       COALESCE(
                           json_agg(
                               json_build_array(st.sequence, st.text->>'en_US',
                                                st.note->>'en_US', st.mandatory)
                               ORDER BY st.sequence, st.id
                           ) FILTER (WHERE st.id IS NOT NULL),
                           '[]'::json)
                  FROM care_script s
             LEFT JOIN care_script_step st ON st.script_id = s.id
                 WHERE s.id IN %s
              GROUP BY s.id
                """,
                tuple(self.ids) or (0,),
            )
        )
        return {
            script_id: hashlib.sha1(
                json.dumps([name, steps], sort_keys=True, ensure_ascii=False).encode()
            ).hexdigest()
            for script_id, name, steps in self.env.cr.fetchall()
        }

    def _care_snapshot(self, force=False):
        """Freeze the content of published scripts as a new version when it differs
        from their current version, and copy the translations of the live script to
        its current version. Returns the new versions.

        While a data file is loaded (module install/update) nothing is frozen, so that
        a script and its step records make one version, not one per record: the
        version is made on first use (``_care_ensure_versions``) or next edit.
        """
        if not force and self.env.context.get("install_filename"):
            return self.env["care.script.version"]
        scripts = self.filtered(lambda s: s.state == "published" and s.step_ids)
        if not scripts:
            return self.env["care.script.version"]
        fingerprints = scripts._care_fingerprints()
        todo = scripts.filtered(
            lambda s: s.current_version_id.fingerprint != fingerprints.get(s.id)
        )
        versions = self.env["care.script.version"]
        if todo:
            # the source (en_US) value is created here; the translations are copied
            # set-wise below, straight from the JSONB columns of the live script
            versions = (
                versions.with_context(lang="en_US")
                .create(
                    [
                        {
                            "script_id": script.id,
                            "version": (script.current_version_id.version or 0) + 1,
                            "name": script.with_context(lang="en_US").name,
                            "fingerprint": fingerprints[script.id],
                            "step_ids": [
                                fields.Command.create(
                                    {
                                        "sequence": step.sequence,
                                        "text": step.with_context(lang="en_US").text,
                                        "note": step.with_context(lang="en_US").note,
                                        "mandatory": step.mandatory,
                                        "source_step_id": step.id,
                                    }
                                )
                                for step in script.step_ids
                            ],
                        }
                        for script in todo
                    ]
                )
                .with_env(self.env)
            )
            for script, version in zip(todo, versions, strict=True):
                script.with_context(care_script_no_snapshot=True).current_version_id = version
        scripts._care_sync_version_translations()
        return versions

    def _care_ensure_versions(self):
        """Current versions of the scripts, frozen now if their content changed (or was
        loaded from a data file) since. Returns ``care.script.version`` records."""
        # sudo: freezing published content is bookkeeping of the script, triggered by
        # whoever first uses it (staff ticking steps may not create versions themselves)
        self.sudo()._care_snapshot(force=True)
        return self.current_version_id

    def _care_sync_version_translations(self):
        """Copy the translations of live scripts to their current versions (set-wise).

        ``self`` empty means every script (used after loading translation files)."""
        self.env.flush_all()
        script_filter = SQL("AND s.id IN %s", tuple(self.ids)) if self else SQL("")
        self.env.cr.execute(
            SQL(
                """
                UPDATE care_script_version v
                   SET name = s.name
                  FROM care_script s
                 WHERE s.current_version_id = v.id
                   AND v.name->>'en_US' = s.name->>'en_US'
                   AND v.name IS DISTINCT FROM s.name %s
                """,
                script_filter,
            )
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE care_script_version_step vs
                   SET text = st.text, note = st.note
                  FROM care_script_step st, care_script s
                 WHERE vs.source_step_id = st.id
                   AND vs.version_id = s.current_version_id
                   AND st.script_id = s.id
                   AND vs.text->>'en_US' = st.text->>'en_US'
                   AND (vs.text IS DISTINCT FROM st.text OR vs.note IS DISTINCT FROM st.note) %s
                """,
                script_filter,
            )
        )
        self.env["care.script.version"].invalidate_model(["name"])
        self.env["care.script.version.step"].invalidate_model(["text", "note"])

    # ------------------------------------------------------------------ actions
    def action_publish(self):
        """Make the scripts live on the forms and freeze their current version.

        Idempotent: an already published script only gets its version frozen (data
        files of other modules call it after loading their scripts)."""
        for script in self:
            if not script.step_ids:
                raise UserError(
                    self.env._(
                        "The script %(name)s has no steps: add what to say before publishing it.",
                        name=script.name,
                    )
                )
        self.filtered(lambda s: s.state == "draft").with_context(
            care_script_no_snapshot=True
        ).write({"state": "published"})
        self._care_ensure_versions()
        return True

    def action_unpublish(self):
        for script in self:
            if script.state != "published":
                raise UserError(
                    self.env._("The script %(name)s is not published.", name=script.name)
                )
        self.with_context(care_script_no_snapshot=True).write({"state": "draft"})
        return True

    def action_view_versions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Versions of %(name)s", name=self.name),
            "res_model": "care.script.version",
            "view_mode": "list,form",
            "domain": [("script_id", "=", self.id)],
            "context": {"default_script_id": self.id},
        }

    # ------------------------------------------------------------------ ORM
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self.browse()._care_check_code_free(
                vals.get("code"),
                vals.get("company_id", self.default_get(["company_id"]).get("company_id")),
            )
        scripts = super(CareScript, self.with_context(care_script_no_snapshot=True)).create(
            vals_list
        )
        scripts = scripts.with_env(self.env)
        if not self.env.context.get("care_script_no_snapshot"):
            scripts._care_snapshot()
        return scripts

    def write(self, vals):
        if "code" in vals or "company_id" in vals:
            for script in self:
                script._care_check_code_free(
                    vals.get("code", script.code), vals.get("company_id", script.company_id.id)
                )
        if self.env.context.get("care_script_no_snapshot") or not VERSIONED_FIELDS & set(vals):
            return super().write(vals)
        # one version per save, not one per step command
        result = super(CareScript, self.with_context(care_script_no_snapshot=True)).write(vals)
        self._care_snapshot()
        return result

    def _update_field_translations(self, field_name, translations, digest=None, source_lang=None):
        result = super()._update_field_translations(
            field_name, translations, digest=digest, source_lang=source_lang
        )
        self._care_snapshot()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        used = self.env["care.evaluation"].sudo().search_count(  # sudo: any user's use counts
            [("script_version_id.script_id", "in", self.ids)], limit=1
        ) or self.env["care.script.compliance"].sudo().search_count(  # sudo: idem
            [("script_id", "in", self.ids)], limit=1
        )
        if used:
            raise UserError(
                self.env._(
                    "Scripts used by evaluations or compliance records cannot be "
                    "deleted; archive them instead."
                )
            )
