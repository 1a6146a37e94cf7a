from odoo import api, fields, models

IMPACT_URGENCY = [("1", "High"), ("2", "Medium"), ("3", "Low")]
PRIORITIES = [("1", "P1 Critical"), ("2", "P2 High"), ("3", "P3 Medium"), ("4", "P4 Low")]


class ItTicket(models.Model):
    """An incident or service request reported to the desk."""

    _name = "it.ticket"
    _description = "IT Ticket"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "priority, id desc"
    _rec_names_search = ["name", "ref"]
    _check_company_auto = True

    ref = fields.Char(string="Reference", readonly=True, copy=False, index=True, default="/")
    name = fields.Char(string="Subject", required=True, tracking=True)
    description = fields.Html()
    ticket_type = fields.Selection(
        [("incident", "Incident"), ("request", "Service Request")],
        required=True,
        default="incident",
    )
    partner_id = fields.Many2one("res.partner", string="Requester", tracking=True, index=True)
    is_vip = fields.Boolean(string="VIP", tracking=True)
    team_id = fields.Many2one("it.team", tracking=True, index=True, check_company=True)
    user_id = fields.Many2one(
        "res.users", string="Assignee", tracking=True, index=True, domain=[("share", "=", False)]
    )
    stage_id = fields.Many2one(
        "it.stage",
        tracking=True,
        index=True,
        group_expand="_read_group_stage_ids",
        default=lambda self: self.env["it.stage"].search([], limit=1),
        copy=False,
    )
    state = fields.Selection(related="stage_id.state", store=True, index=True)
    impact = fields.Selection(IMPACT_URGENCY, default="3", required=True, tracking=True)
    urgency = fields.Selection(IMPACT_URGENCY, default="3", required=True, tracking=True)
    priority = fields.Selection(PRIORITIES, default="4", required=True, tracking=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("ref_company_uniq", "unique(ref, company_id)", "The ticket reference must be unique."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("ref", "/") == "/":
                vals["ref"] = self.env["ir.sequence"].next_by_code("it.ticket") or "/"
        return super().create(vals_list)

    @api.depends("ref", "name")
    def _compute_display_name(self):
        for ticket in self:
            ticket.display_name = f"{ticket.ref} {ticket.name}" if ticket.ref else ticket.name

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        # every stage is a column, even an empty one; stages are a short configuration list
        return stages.search([])  # pylint: disable=no-search-all
