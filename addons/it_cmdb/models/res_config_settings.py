from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    it_cmdb_lock_controlled_fields = fields.Boolean(
        string="Change-Controlled CMDB",
        config_parameter="it_cmdb.lock_controlled_fields",
        help="Class, serial, model, vendor, location, owner department, warranty and "
        "attributes of configuration items can only be changed through a change.",
    )
    it_cmdb_warranty_reminder_days = fields.Integer(
        string="Warranty Reminder (days)",
        config_parameter="it_cmdb.warranty_reminder_days",
        default=30,
    )
    it_change_board_ids = fields.Many2many(
        related="company_id.it_change_board_ids",
        readonly=False,
        string="Default Change Board",
    )
