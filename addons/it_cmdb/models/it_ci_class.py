from odoo import api, fields, models


class ItCiClass(models.Model):
    """A kind of configuration item (server, PC, business service...) with its own
    attributes and its own asset-number sequence."""

    _name = "it.ci.class"
    _description = "Configuration Item Class"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Short code, used as the prefix of the asset numbers of this class "
        "and to recognise the class in imported asset registers.",
    )
    sequence = fields.Integer(default=10)
    is_service = fields.Boolean(
        string="Business Service",
        help="Items of this class are business services: impact analysis reports them.",
    )
    is_issuable = fields.Boolean(
        string="Issued to People",
        help="Items of this class (PCs, phones, printers) can be issued to a holder.",
    )
    sequence_id = fields.Many2one(
        "ir.sequence",
        string="Asset Number Sequence",
        copy=False,
        help="Asset numbers of this class come from this sequence; created with the class.",
    )
    attribute_definition = fields.PropertiesDefinition(
        string="Class Attributes",
        help="Attributes every item of this class carries (CPU, RAM, IP address...).",
    )
    color = fields.Integer()
    ci_count = fields.Integer(compute="_compute_ci_count", string="Items")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a configuration item class must be unique."),
    ]

    def _compute_ci_count(self):
        counts = dict(
            self.env["it.ci"]._read_group([("class_id", "in", self.ids)], ["class_id"], ["__count"])
        )
        for ci_class in self:
            ci_class.ci_count = counts.get(ci_class, 0)

    @api.model_create_multi
    def create(self, vals_list):
        classes = super().create(vals_list)
        for ci_class in classes.filtered(lambda c: not c.sequence_id):
            ci_class.sequence_id = ci_class._create_sequence()
        return classes

    def _create_sequence(self):
        self.ensure_one()
        # sequences are technical records the CMDB manager is not given rights on
        return (
            self.env["ir.sequence"]
            .sudo()
            .create(
                {
                    "name": self.env._("Asset number: %(name)s", name=self.name),
                    "code": f"it.ci.{self.code.lower()}",
                    "prefix": f"{self.code.upper()}-",
                    "padding": 6,
                    "company_id": False,
                }
            )
        )

    def _next_asset_number(self):
        self.ensure_one()
        # the CMDB manager numbers items without being an ir.sequence administrator
        sequence = self.sudo().sequence_id or self.sudo()._create_sequence()
        if not self.sequence_id:
            self.sudo().sequence_id = sequence
        return sequence.next_by_id()

    def action_open_cis(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("it_cmdb.it_ci_action")
        action["domain"] = [("class_id", "=", self.id)]
        action["context"] = {"default_class_id": self.id}
        return action
