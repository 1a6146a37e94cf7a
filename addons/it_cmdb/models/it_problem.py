from odoo import fields, models


class ItProblem(models.Model):
    _inherit = "it.problem"

    ci_ids = fields.Many2many(
        "it.ci",
        "it_ci_it_problem_rel",
        "problem_id",
        "ci_id",
        string="Configuration Items",
        check_company=True,
    )
