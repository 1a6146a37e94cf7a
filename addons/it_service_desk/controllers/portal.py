from markupsafe import Markup

from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

PAGE_SIZE = 20


class ItServiceDeskPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Ticket = request.env["it.ticket"]
        if "it_ticket_count" in counters:
            values["it_ticket_count"] = (
                Ticket.search_count(self._it_ticket_domain()) if Ticket.has_access("read") else 0
            )
        if "it_notice_count" in counters:
            Notice = request.env["it.downtime.notice"]
            values["it_notice_count"] = (
                Notice.search_count([("is_current", "=", True)]) if Notice.has_access("read") else 0
            )
        return values

    def _it_ticket_domain(self):
        partner = request.env.user.partner_id
        # record rules restrict to the user's own tickets; the domain says it again for staff
        return ["|", ("partner_id", "=", partner.id), ("requester_ids", "in", partner.ids)]

    @http.route(
        ["/my/it-tickets", "/my/it-tickets/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_it_tickets(self, page=1, filterby="open", **kw):
        Ticket = request.env["it.ticket"]
        domain = self._it_ticket_domain()
        filters = {
            "open": [("state", "in", ("new", "in_progress", "dispatched", "waiting"))],
            "all": [],
        }
        domain = domain + filters.get(filterby, [])
        count = Ticket.with_context(active_test=False).search_count(domain)
        pager = portal_pager(
            url="/my/it-tickets",
            url_args={"filterby": filterby},
            total=count,
            page=page,
            step=PAGE_SIZE,
        )
        tickets = Ticket.with_context(active_test=False).search(
            domain, order="id desc", limit=PAGE_SIZE, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            tickets=tickets,
            pager=pager,
            page_name="it_ticket",
            filterby=filterby,
            default_url="/my/it-tickets",
        )
        return request.render("it_service_desk.portal_my_it_tickets", values)

    @http.route("/my/it-tickets/<int:ticket_id>", type="http", auth="user", website=True)
    def portal_my_it_ticket(self, ticket_id, access_token=None, **kw):
        try:
            ticket = self._document_check_access("it.ticket", ticket_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        rating_token = False
        if ticket.state in ("resolved", "callback") and not ticket.rating_last_value:
            rating_token = ticket._rating_get_access_token()
        values = self._get_page_view_values(
            ticket,
            access_token,
            {"ticket": ticket, "page_name": "it_ticket", "rating_token": rating_token},
            "my_it_tickets_history",
            False,
        )
        return request.render("it_service_desk.portal_my_it_ticket", values)

    @http.route("/my/it-tickets/new", type="http", auth="user", website=True, methods=["GET"])
    def portal_new_it_ticket(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="it_ticket_new",
            systems=request.env["it.business.system"].search([]),
            error=kw.get("error"),
        )
        return request.render("it_service_desk.portal_new_it_ticket", values)

    @http.route("/my/it-tickets/new", type="http", auth="user", website=True, methods=["POST"])
    def portal_create_it_ticket(self, name=None, description=None, system_id=None, **kw):
        name = (name or "").strip()
        if not name:
            return request.redirect("/my/it-tickets/new?error=subject")
        vals = {
            "name": name[:200],
            "description": Markup("<p>%s</p>") % (description or ""),
            "partner_id": request.env.user.partner_id.id,
            "channel": "portal",
        }
        if system_id and str(system_id).isdigit():
            system = request.env["it.business.system"].browse(int(system_id)).exists()
            vals["system_id"] = system.id
        Ticket = request.env["it.ticket"]
        try:
            # the user must be allowed to file tickets (access rights checked as the user)
            Ticket.check_access("create")
        except AccessError:
            return request.redirect("/my/it-tickets/new?error=access")
        # sudo: modules extending tickets (SLA timers...) write system fields at creation that
        # the requester may not write; the values are forced to the user's own partner and the
        # portal channel above, which is exactly what the portal record rule allows them.
        ticket = Ticket.sudo().create(vals).sudo(False)
        return request.redirect(f"/my/it-tickets/{ticket.id}")

    @http.route("/my/it-notices", type="http", auth="user", website=True)
    def portal_my_it_notices(self, **kw):
        notices = request.env["it.downtime.notice"].search(
            [("is_current", "=", True)], order="date_start", limit=100
        )
        values = self._prepare_portal_layout_values()
        values.update(notices=notices, page_name="it_notice")
        return request.render("it_service_desk.portal_my_it_notices", values)

    @http.route(
        ["/my/it-articles", "/my/it-articles/<int:article_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_it_articles(self, article_id=None, search=None, **kw):
        Article = request.env["it.knowledge.article"]
        values = self._prepare_portal_layout_values()
        values["page_name"] = "it_article"
        if article_id:
            article = Article.browse(article_id).exists()
            try:
                article.check_access("read")
            except AccessError:
                return request.redirect("/my/it-articles")
            if not article:
                return request.redirect("/my/it-articles")
            values["article"] = article
            return request.render("it_service_desk.portal_it_article", values)
        if search:
            articles = Article._search_similar(search, limit=20)
        else:
            articles = Article.search([("state", "=", "published")], limit=50)
        values.update(articles=articles, search=search or "")
        return request.render("it_service_desk.portal_it_articles", values)
