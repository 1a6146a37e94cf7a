from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# pg_trgm's "word similar" operator; a bare SQL keeps "%%" verbatim for psycopg2
WORD_SIMILAR = SQL("<%%")


class ItKnowledgeArticle(models.Model):
    """A known fix: symptom, cause, workaround, solution (知識庫 / 經驗庫)."""

    _name = "it.knowledge.article"
    _description = "Knowledge Article"
    _inherit = ["mail.thread"]
    _order = "use_count desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Title", required=True, tracking=True, index="trigram", translate=False
    )
    symptom = fields.Html()
    cause = fields.Html()
    workaround = fields.Html()
    solution = fields.Html()
    category_id = fields.Many2one("it.category", check_company=True, index=True)
    system_id = fields.Many2one("it.business.system", check_company=True, index=True)
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published"), ("archived", "Obsolete")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    portal_published = fields.Boolean(
        string="Published on Portal",
        tracking=True,
        help="Requesters see the published article on the portal.",
    )
    use_count = fields.Integer(string="Used", readonly=True, copy=False, default=0)
    ticket_id = fields.Many2one("it.ticket", string="Source Ticket", readonly=True, copy=False)
    problem_id = fields.Many2one("it.problem", string="Source Problem", readonly=True, copy=False)
    company_id = fields.Many2one("res.company", index=True, default=lambda self: self.env.company)
    active = fields.Boolean(default=True)

    @api.model
    def _search_similar(self, text, limit=5):
        """Published articles whose title resembles ``text`` (pg_trgm when available)."""
        text = (text or "").strip()
        if not text:
            return self.browse()
        if self.env.registry.has_trigram:
            self.flush_model(["name", "state", "active"])
            self.env.cr.execute(
                SQL(
                    """
                    SELECT id FROM it_knowledge_article
                     WHERE %s %s name AND active AND state = 'published'
                     ORDER BY word_similarity(%s, name) DESC, use_count DESC
                     LIMIT %s
                    """,
                    text,
                    WORD_SIMILAR,
                    text,
                    limit * 3,
                )
            )
            ids = [row[0] for row in self.env.cr.fetchall()]
            allowed = set(self.search([("id", "in", ids)]).ids)  # record rules apply
            return self.browse([i for i in ids if i in allowed][:limit])
        words = [w for w in text.split() if len(w) >= 3][:5] or [text]
        domain = [("state", "=", "published")]
        domain += ["|"] * (len(words) - 1) + [("name", "ilike", w) for w in words]
        return self.search(domain, limit=limit)

    def action_apply_to_ticket(self):
        """Button on the ticket's suggestion list: link the article and count the use."""
        ticket = self.env["it.ticket"].browse(self.env.context.get("it_ticket_id"))
        if not ticket.exists():
            raise UserError(self.env._("Save the ticket first."))
        return self.action_use(ticket)

    def action_publish(self):
        self.write({"state": "published"})
        return True

    def action_unpublish(self):
        self.write({"state": "draft", "portal_published": False})
        return True

    def action_use(self, ticket):
        """An agent applied this article to a ticket: link it and count the use."""
        self.ensure_one()
        if self.state != "published":
            raise UserError(self.env._("Only published articles can be applied."))
        ticket.ensure_one()
        if self in ticket.article_ids:
            return True
        ticket.article_ids = [fields.Command.link(self.id)]
        # atomic increment: two agents applying the same article at once both count
        self.env.cr.execute(
            SQL(
                "UPDATE it_knowledge_article SET use_count = COALESCE(use_count, 0) + 1 WHERE id = %s",
                self.id,
            )
        )
        self.invalidate_recordset(["use_count"])
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        if any(article.use_count for article in self):
            raise UserError(self.env._("Articles that were used cannot be deleted; archive them."))
