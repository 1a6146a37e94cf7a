from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# fields of it.ci a change may set (the controlled fields plus a few descriptive ones)
UPDATABLE_FIELDS = (
    "name",
    "class_id",
    "serial",
    "model",
    "vendor",
    "location_id",
    "owner_department",
    "warranty_end",
    "user_id",
)
SUPPORTED_TYPES = ("char", "text", "date", "integer", "float", "boolean", "selection", "many2one")


class ItChangeCiUpdate(models.Model):
    """A CMDB update proposed by a change: set this field of this item to this value.

    Applied when the change is completed, so every CI change has its reason.
    """

    _name = "it.change.ci.update"
    _description = "Change: Proposed CMDB Update"
    _order = "change_id, id"

    change_id = fields.Many2one("it.change", required=True, index=True, ondelete="cascade")
    ci_id = fields.Many2one("it.ci", string="Item", required=True, index=True, ondelete="cascade")
    field_name = fields.Selection(selection="_selection_field_name", string="Field", required=True)
    new_value = fields.Char(
        required=True,
        help="Text as typed; dates as YYYY-MM-DD, records by their name (e.g. a location).",
    )
    old_value = fields.Char(readonly=True, copy=False, help="The value before the change applied.")
    applied = fields.Boolean(readonly=True, copy=False)
    date_applied = fields.Datetime(readonly=True, copy=False)
    company_id = fields.Many2one(related="change_id.company_id", store=True, index=True)

    @api.model
    def _selection_field_name(self):
        ci_fields = self.env["it.ci"]._fields
        return [(name, ci_fields[name]._description_string(self.env)) for name in UPDATABLE_FIELDS]

    def _field_label(self):
        self.ensure_one()
        return self.env["it.ci"]._fields[self.field_name]._description_string(self.env)

    @api.constrains("field_name", "new_value", "ci_id")
    def _check_value(self):
        for update in self:
            if update.field_name not in UPDATABLE_FIELDS:
                raise ValidationError(
                    self.env._(
                        "A change cannot update the field %(field)s.", field=update.field_name
                    )
                )
            update._convert_value()

    @api.model_create_multi
    def create(self, vals_list):
        updates = super().create(vals_list)
        for update in updates:
            if update.change_id.state not in ("draft", "approval", "approved", "scheduled"):
                raise UserError(self.env._("The change is already implemented or closed."))
            if update.ci_id not in update.change_id.ci_ids:
                update.change_id.ci_ids = [fields.Command.link(update.ci_id.id)]
        return updates

    def _convert_value(self):
        """The new value in the field's own type; ValidationError when it does not fit."""
        self.ensure_one()
        field = self.env["it.ci"]._fields[self.field_name]
        raw = (self.new_value or "").strip()
        if field.type not in SUPPORTED_TYPES:
            raise ValidationError(self.env._("Unsupported field type %(type)s.", type=field.type))
        try:
            if field.type in ("char", "text"):
                return raw
            if field.type == "date":
                return fields.Date.to_date(raw)
            if field.type == "integer":
                return int(raw)
            if field.type == "float":
                return float(raw)
            if field.type == "boolean":
                if raw.lower() not in ("1", "0", "true", "false", "yes", "no"):
                    raise ValueError(raw)
                return raw.lower() in ("1", "true", "yes")
        except ValueError as exc:
            raise ValidationError(
                self.env._("%(value)s is not a valid %(field)s.", value=raw, field=field.string)
            ) from exc
        if field.type == "selection":
            selection = dict(field._description_selection(self.env))
            keys = set(selection) | {key for key, label in selection.items() if label == raw}
            if raw not in keys:
                raise ValidationError(
                    self.env._("%(value)s is not a valid %(field)s.", value=raw, field=field.string)
                )
            return next(k for k, label in selection.items() if raw in (k, label))
        comodel = self.env[field.comodel_name]
        record = comodel.search([(comodel._rec_name or "name", "=", raw)], limit=2)
        if len(record) != 1:
            raise ValidationError(
                self.env._(
                    "%(value)s does not name exactly one %(field)s.", value=raw, field=field.string
                )
            )
        return record.id

    def _format_current(self, ci):
        value = ci[self.field_name]
        if isinstance(value, models.BaseModel):
            return value.display_name or ""
        return "" if value is False else str(value)

    def _apply(self):
        """Write the updates on their items, each item's history naming the change."""
        for update in self.filtered(lambda u: not u.applied):
            ci = update.ci_id
            old = update._format_current(ci)
            value = update._convert_value()
            # the approved, implemented change is the authorisation to write the CMDB:
            # the change manager completing it need not be a CMDB manager
            ci.sudo().with_context(it_cmdb_change_id=update.change_id.id).write(
                {update.field_name: value}
            )
            new = update._format_current(ci)
            update.write({"old_value": old, "applied": True, "date_applied": fields.Datetime.now()})
            # see above for sudo: the note is part of the authorised update
            ci.sudo().message_post(
                body=Markup(
                    "%s <a href='#' data-oe-model='it.change' data-oe-id='%s'>%s</a>: "
                    "%s: %s &#8594; %s"
                )
                % (
                    self.env._("Updated by change"),
                    update.change_id.id,
                    update.change_id.display_name,
                    update._field_label(),
                    old or "-",
                    new or "-",
                ),
                author_id=self.env.user.partner_id.id,
                subtype_xmlid="mail.mt_note",
            )
