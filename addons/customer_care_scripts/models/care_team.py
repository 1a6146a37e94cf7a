from odoo import api, fields, models


class CareTeam(models.Model):
    """A group of staff whose quality scores are rolled up together."""

    _name = "care.team"
    _description = "Care Team"
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    leader_id = fields.Many2one(
        "res.users",
        string="Team Leader",
        help="Sees the evaluations and compliance records of the team's members.",
    )
    member_ids = fields.Many2many(
        "res.users", "care_team_res_users_rel", "team_id", "user_id", string="Members"
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)
    color = fields.Integer()

    @api.model
    def _care_team_by_user(self, users):
        """``{user id: teams}`` for ``users`` (ordered by name), in one query."""
        # sudo: team membership is not confidential and staff must get their team set
        teams = self.sudo().search([("member_ids", "in", users.ids)])
        result = {}
        for team in teams:
            for user in team.member_ids:
                result.setdefault(user.id, []).append(team)
        return result

    @api.model
    def _care_team_pick(self, teams_by_user, user, company):
        """The first team of ``user`` that belongs to ``company`` (or to none)."""
        for team in teams_by_user.get(user.id, []):
            if not team.company_id or team.company_id == company:
                return team.with_env(self.env)
        return self.browse()
