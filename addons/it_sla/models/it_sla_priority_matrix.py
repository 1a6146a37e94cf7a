from odoo import api, fields, models
from odoo.addons.it_service_desk.models.it_ticket import IMPACT_URGENCY, PRIORITIES


class ItSlaPriorityMatrix(models.Model):
    """One cell of the impact x urgency -> priority matrix (one matrix per company)."""

    _name = "it.sla.priority.matrix"
    _description = "SLA Priority Matrix Cell"
    _order = "company_id, impact, urgency"
    _check_company_auto = True

    impact = fields.Selection(IMPACT_URGENCY, required=True)
    urgency = fields.Selection(IMPACT_URGENCY, required=True)
    priority = fields.Selection(PRIORITIES, required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _sql_constraints = [
        (
            "cell_uniq",
            "unique(company_id, impact, urgency)",
            "The matrix has one priority per impact and urgency.",
        ),
    ]

    @api.depends("impact", "urgency", "priority")
    def _compute_display_name(self):
        impacts = dict(self._fields["impact"]._description_selection(self.env))
        priorities = dict(self._fields["priority"]._description_selection(self.env))
        for cell in self:
            cell.display_name = self.env._(
                "Impact %(impact)s x urgency %(urgency)s: %(priority)s",
                impact=impacts.get(cell.impact, ""),
                urgency=impacts.get(cell.urgency, ""),
                priority=priorities.get(cell.priority, ""),
            )

    @api.model
    def _matrix(self, company_ids):
        """{(company_id, impact, urgency): priority} for the given companies, one query."""
        cells = self.sudo().search_read(  # sudo: the matrix drives every user's tickets
            [("company_id", "in", list(company_ids))],
            ["company_id", "impact", "urgency", "priority"],
        )
        return {
            (cell["company_id"][0], cell["impact"], cell["urgency"]): cell["priority"]
            for cell in cells
        }

    @api.model_create_multi
    def create(self, vals_list):
        cells = super().create(vals_list)
        cells._recompute_open_tickets()
        return cells

    def write(self, vals):
        res = super().write(vals)
        if {"priority", "impact", "urgency"} & vals.keys():
            self._recompute_open_tickets()
        return res

    def _recompute_open_tickets(self):
        """A changed cell re-prioritises the open tickets it covers (and re-targets SLAs)."""
        for cell in self:
            tickets = self.env["it.ticket"].search(
                [
                    ("company_id", "=", cell.company_id.id),
                    ("impact", "=", cell.impact),
                    ("urgency", "=", cell.urgency),
                    ("state", "in", ["new", "in_progress", "dispatched", "waiting"]),
                ]
            )
            tickets._sla_recompute_priority()
