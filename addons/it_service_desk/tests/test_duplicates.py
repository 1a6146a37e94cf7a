from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import DeskCase


@tagged("post_install", "-at_install")
class TestDuplicates(DeskCase):
    def test_pg_trgm_available_and_indexed(self):
        self.assertTrue(self.env["it.ticket"]._has_trigram())
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'it_ticket' AND indexdef ILIKE '%gin_trgm_ops%'"
        )
        self.assertTrue(self.env.cr.fetchall(), "GIN trigram index on ticket subject")
        self.env.cr.execute(
            "SELECT reloptions FROM pg_class WHERE relname = 'it_ticket__name_index'"
        )
        self.assertEqual(self.env.cr.fetchone()[0], ["fastupdate=off"])

    def test_similar_open_tickets_and_articles(self):
        master = self._ticket(name="CRM login fails after password change")
        closed = self._ticket(name="CRM login fails after password reset")
        closed.action_cancel()
        self._ticket(name="Printer on floor 3 out of toner")
        found = self.env["it.ticket"]._search_similar_tickets("crm login fail")
        self.assertIn(master, found)
        self.assertNotIn(closed, found, "only open tickets")
        article = self.env["it.knowledge.article"].create(
            {
                "name": "CRM login fails after password change",
                "state": "published",
                "solution": "<p>clear the SSO cache</p>",
            }
        )
        draft = self.env["it.knowledge.article"].create({"name": "CRM login draft"})
        arts = self.env["it.knowledge.article"]._search_similar("crm login")
        self.assertIn(article, arts)
        self.assertNotIn(draft, arts)
        # while typing: onchange lists them
        form = Form(self.env["it.ticket"])
        form.name = "CRM login fails"
        self.assertIn(master.id, form.similar_ticket_ids.ids)
        self.assertIn(article.id, form.similar_article_ids.ids)
        # fallback without trigram still finds it
        self.env.registry.has_trigram = False
        try:
            self.assertIn(master, self.env["it.ticket"]._search_similar_tickets("CRM login"))
        finally:
            self.env.registry.has_trigram = True

    def test_similar_tickets_ranked_in_tiers(self):
        """The close tier (word similarity >= 0.8) answers alone when it fills the page; the
        default threshold (0.6) is used only when it does not, and the ranking is kept."""
        Ticket = self.env["it.ticket"]
        close = Ticket.browse()
        for i in range(15):
            close |= self._ticket(name=f"Billing portal times out #{i}")
        partial = self._ticket(name="Billing portal slow")
        self.env.cr.execute(
            "SELECT word_similarity(%s, %s)", ("Billing portal times out", partial.name)
        )
        similarity = self.env.cr.fetchone()[0]
        self.assertTrue(0.6 <= similarity < 0.8, similarity)
        # 15 close matches = limit * 3: the partial match ranks below all of them
        found = Ticket._search_similar_tickets("Billing portal times out", limit=5)
        self.assertEqual(len(found), 5)
        self.assertLessEqual(found, close)
        self.assertEqual(found.ids, sorted(found.ids, reverse=True), "ties ranked by id desc")
        # too few close matches: the default threshold brings the partial match in, last
        found = Ticket._search_similar_tickets("Billing portal times out", limit=20)
        self.assertEqual(len(found), 16)
        self.assertEqual(found[-1], partial)
        # the session's threshold is left as it was
        self.env.cr.execute("SHOW pg_trgm.word_similarity_threshold")
        self.assertEqual(float(self.env.cr.fetchone()[0]), 0.6)
        # the partial index over open tickets exists for this search
        self.env.cr.execute(
            "SELECT 1 FROM pg_indexes WHERE indexname = 'it_ticket_name_open_trgm_idx'"
        )
        self.assertTrue(self.env.cr.fetchone())

    def test_apply_article_counts_use(self):
        article = self.env["it.knowledge.article"].create(
            {"name": "Reset password", "state": "published"}
        )
        ticket = self._ticket()
        article.with_user(self.agent).with_context(it_ticket_id=ticket.id).action_apply_to_ticket()
        article.with_context(it_ticket_id=ticket.id).action_apply_to_ticket()
        self.assertEqual(article.use_count, 1, "counted once per ticket")
        self.assertIn(article, ticket.article_ids)
        article.action_unpublish()
        with self.assertRaises(UserError):
            article.action_use(self._ticket())
        self.assertEqual(article.use_count, 1)

    def test_merge_keeps_messages_followers_requesters(self):
        master = self._ticket(name="Billing slow in Shenzhen")
        dup = self._ticket(name="Billing slow", partner_id=self.vip.id)
        dup.message_post(body="Caller says it started at 9", message_type="comment")
        dup.message_subscribe(partner_ids=self.mim.partner_id.ids)
        wizard = (
            self.env["it.ticket.merge.wizard"]
            .with_user(self.agent)
            .create({"ticket_ids": [(6, 0, (master | dup).ids)], "master_id": master.id})
        )
        wizard.action_merge()
        self.assertFalse(dup.active)
        self.assertEqual(dup.merged_into_id, master)
        self.assertEqual(dup.close_reason, "duplicate")
        self.assertEqual(dup.state, "closed")
        self.assertIn(self.vip, master.requester_ids)
        self.assertIn(self.mim.partner_id, master.message_partner_ids)
        self.assertTrue(any("started at 9" in m.body for m in master.message_ids))
        self.assertEqual(master.duplicate_count, 1)
        self.assertEqual(master.state, "new", "master stays open")

    def test_merge_refused_cases(self):
        master = self._ticket()
        with self.assertRaises(UserError):
            master.action_merge_into(master)
        closed = self._ticket()
        closed.action_cancel()
        dup = self._ticket()
        with self.assertRaises(UserError):
            dup.action_merge_into(closed)
        self.assertTrue(dup.active)
        self.assertFalse(dup.merged_into_id)

    def test_outage_offered_first_and_attach_in_one_click(self):
        incident = (
            self.env["it.major.incident"]
            .with_user(self.mim)
            .create({"name": "Billing down", "system_ids": [(6, 0, self.system.ids)]})
        )
        notice = self.env["it.downtime.notice"].create(
            {
                "name": "CRM upgrade",
                "date_start": "2020-01-01 00:00:00",
                "date_end": "2099-01-01 00:00:00",
                "region_ids": [(6, 0, self.region.ids)],
            }
        )
        notice.action_publish()
        ticket = self._ticket(name="cannot bill", region_id=self.region.id)
        self.assertIn(incident, ticket.suggested_incident_ids)
        self.assertIn(notice, ticket.suggested_notice_ids)
        incident.with_user(self.agent).with_context(
            it_ticket_id=ticket.id
        ).action_attach_from_context()
        self.assertEqual(ticket.major_incident_id, incident)
        self.assertIn(self.requester, incident.message_partner_ids)
        other = self._ticket(system_id=self.system_crm.id)
        self.assertNotIn(incident, other.suggested_incident_ids)
