from odoo import api, fields, models


class ItMajorIncident(models.Model):
    _inherit = "it.major.incident"

    ci_ids = fields.Many2many(
        "it.ci",
        "it_ci_it_major_incident_rel",
        "incident_id",
        "ci_id",
        string="Configuration Items",
        check_company=True,
        help="The failing items; the services and users they hit are listed on the incident.",
    )
    impacted_service_ids = fields.Many2many(
        "it.ci", compute="_compute_ci_impact", string="Impacted Services"
    )
    impacted_partner_ids = fields.Many2many(
        "res.partner", compute="_compute_ci_impact", string="Impacted Users"
    )

    @api.depends("ci_ids")
    def _compute_ci_impact(self):
        for incident in self:
            cis = incident.ci_ids._origin
            if not cis:
                incident.impacted_service_ids = incident.impacted_partner_ids = False
                continue
            impact = cis.get_impact()
            incident.impacted_service_ids = impact["services"]
            incident.impacted_partner_ids = impact["partners"]

    def action_subscribe_impacted_users(self):
        """Add the users hit by the failing items to the incident's subscribers."""
        for incident in self:
            incident.partner_ids = [
                fields.Command.link(partner.id) for partner in incident.impacted_partner_ids
            ]
            systems = (incident.ci_ids | incident.impacted_service_ids).business_system_id
            if systems:
                incident.system_ids = [fields.Command.link(system.id) for system in systems]
