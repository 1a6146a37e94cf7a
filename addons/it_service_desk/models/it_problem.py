from odoo import api, fields, models
from odoo.exceptions import UserError


class ItProblem(models.Model):
    """A problem (問題管理) groups recurring incidents and records their root cause."""

    _name = "it.problem"
    _description = "Problem"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    ref = fields.Char(string="Reference", readonly=True, copy=False, default="/", index=True)
    description = fields.Html()
    state = fields.Selection(
        [
            ("new", "New"),
            ("investigating", "Investigating"),
            ("known_error", "Known Error"),
            ("resolved", "Resolved"),
            ("closed", "Closed"),
        ],
        default="new",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    user_id = fields.Many2one(
        "res.users", string="Problem Owner", tracking=True, domain=[("share", "=", False)]
    )
    ticket_ids = fields.One2many("it.ticket", "problem_id", string="Incidents")
    ticket_count = fields.Integer(compute="_compute_ticket_count")
    category_id = fields.Many2one("it.category", check_company=True)
    system_id = fields.Many2one("it.business.system", string="Affected System", check_company=True)
    root_cause = fields.Html()
    known_error = fields.Boolean(tracking=True, help="Root cause known and a workaround exists.")
    workaround = fields.Html()
    solution = fields.Html()
    article_id = fields.Many2one("it.knowledge.article", string="Knowledge Article", copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("ref", "/") == "/":
                vals["ref"] = self.env["ir.sequence"].next_by_code("it.problem") or "/"
        return super().create(vals_list)

    def _compute_ticket_count(self):
        counts = dict(
            self.env["it.ticket"]._read_group(
                [("problem_id", "in", self.ids)], ["problem_id"], ["__count"]
            )
        )
        for problem in self:
            problem.ticket_count = counts.get(problem, 0)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_linked(self):
        if self.filtered("ticket_ids"):
            raise UserError(self.env._("Problems with incidents cannot be deleted; archive them."))

    def action_investigate(self):
        for problem in self:
            if problem.state != "new":
                raise UserError(self.env._("Only a new problem can be investigated."))
        self.write({"state": "investigating"})
        return True

    def action_known_error(self):
        for problem in self:
            if problem.state not in ("new", "investigating"):
                raise UserError(self.env._("This problem is already past investigation."))
            if not problem.root_cause or problem.root_cause == "<p><br></p>":
                raise UserError(self.env._("Record the root cause before declaring a known error."))
        self.write({"state": "known_error", "known_error": True})
        return True

    def action_resolve(self):
        for problem in self:
            if problem.state not in ("investigating", "known_error"):
                raise UserError(self.env._("Only a problem under investigation can be resolved."))
        self.write({"state": "resolved"})
        return True

    def action_close(self):
        for problem in self:
            if problem.state != "resolved":
                raise UserError(self.env._("Only a resolved problem can be closed."))
        self.write({"state": "closed"})
        return True

    def action_create_article(self):
        """Produce a knowledge article from the problem's known error."""
        self.ensure_one()
        if self.article_id:
            raise UserError(self.env._("This problem already has a knowledge article."))
        article = self.env["it.knowledge.article"].create(
            {
                "name": self.name,
                "symptom": self.description,
                "cause": self.root_cause,
                "workaround": self.workaround,
                "solution": self.solution,
                "category_id": self.category_id.id,
                "system_id": self.system_id.id,
                "problem_id": self.id,
                "company_id": self.company_id.id,
            }
        )
        self.article_id = article
        return {
            "type": "ir.actions.act_window",
            "res_model": "it.knowledge.article",
            "res_id": article.id,
            "view_mode": "form",
        }

    def action_view_tickets(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Incidents"),
            "res_model": "it.ticket",
            "view_mode": "list,form",
            "domain": [("problem_id", "=", self.id)],
            "context": {"default_problem_id": self.id, "active_test": False},
        }
