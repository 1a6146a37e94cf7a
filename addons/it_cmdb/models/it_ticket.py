from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ItTicket(models.Model):
    _inherit = "it.ticket"

    ci_ids = fields.Many2many(
        "it.ci",
        "it_ci_it_ticket_rel",
        "ticket_id",
        "ci_id",
        string="Configuration Items",
        check_company=True,
        groups="it_cmdb.group_cmdb_user",
    )
    caused_by_change_id = fields.Many2one(
        "it.change",
        string="Caused by Change",
        index=True,
        tracking=True,
        check_company=True,
        groups="it_cmdb.group_cmdb_user",
        help="The change whose implementation caused this incident.",
    )

    @api.constrains("caused_by_change_id")
    def _check_caused_by_change(self):
        for ticket in self:
            change = ticket.caused_by_change_id
            if change and change.state not in ("in_progress", "done", "failed"):
                raise ValidationError(
                    self.env._(
                        "%(change)s has not been implemented: it cannot have caused an incident.",
                        change=change.display_name,
                    )
                )
