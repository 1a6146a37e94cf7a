from odoo.tests import tagged

from .common import DeskCase

ACTIVITY_SPEC = {
    "activity_ids": {},
    "activity_state": {},
    "activity_exception_decoration": {},
    "activity_exception_icon": {},
    "activity_summary": {},
    "activity_type_icon": {},
    "activity_type_id": {"fields": {"display_name": {}}},
}


@tagged("post_install", "-at_install")
class TestKanbanCard(DeskCase):
    def test_activity_widget_fields_same_as_mixin(self):
        """The kanban card's activity fields, filled at once for tickets without activity,
        equal what the mail.activity.mixin computes one ticket at a time."""
        busy, idle, other = (self._ticket(name=f"Card {i}") for i in range(3))
        busy.activity_schedule(
            "mail.mail_activity_data_todo", summary="Call the requester back", user_id=self.agent.id
        )
        self.env.invalidate_all()
        cards = {row["id"]: row for row in (busy | idle | other).web_read(ACTIVITY_SPEC)}
        self.env.invalidate_all()
        for ticket in busy | idle | other:
            row = cards[ticket.id]
            self.assertEqual(row["activity_ids"], ticket.activity_ids.ids)
            self.assertEqual(row["activity_state"], ticket.activity_state)
            self.assertEqual(row["activity_summary"], ticket.activity_summary)
            self.assertEqual(
                row["activity_exception_decoration"], ticket.activity_exception_decoration
            )
            self.assertEqual(row["activity_type_icon"], ticket.activity_type_icon)
            self.assertEqual(
                (row["activity_type_id"] or {}).get("id", False), ticket.activity_type_id.id
            )
        self.assertEqual(cards[busy.id]["activity_summary"], "Call the requester back")
        self.assertEqual(cards[busy.id]["activity_state"], "today")
        self.assertFalse(cards[idle.id]["activity_state"])
        self.assertFalse(cards[idle.id]["activity_type_id"])
        # an activity added later shows on the next read (nothing stale kept in the cache)
        idle.activity_schedule("mail.mail_activity_data_todo", summary="Check the VPN")
        self.assertEqual(idle.web_read(ACTIVITY_SPEC)[0]["activity_summary"], "Check the VPN")
        self.assertEqual((idle | other).web_read(ACTIVITY_SPEC)[0]["activity_state"], "today")

    def test_stage_groups_in_stage_order_without_join(self):
        """Grouping by stage orders the groups by the stages' own order (sequence) although
        the query does not join it_stage; offset and limit apply to that order."""
        stages = self.env["it.stage"].search([])
        first, second = stages[0], stages[1]
        # put the second stage first: the groups must follow the sequence, not the ids
        second.sequence, first.sequence = first.sequence - 1, first.sequence
        for stage in (first, second):
            self._ticket(name=f"In {stage.name}").stage_id = stage
        domain = [("stage_id", "in", (first | second).ids)]
        rows = self.env["it.ticket"]._read_group(domain, ["stage_id"], ["__count"])
        self.assertEqual([row[0] for row in rows], [second, first])
        rows = self.env["it.ticket"]._read_group(
            domain, ["stage_id"], ["__count"], offset=1, limit=1
        )
        self.assertEqual([row[0] for row in rows], [first])
        # an explicit other order is left to Odoo
        rows = self.env["it.ticket"]._read_group(
            domain, ["stage_id"], ["__count"], order="stage_id desc"
        )
        self.assertEqual([row[0] for row in rows], [first, second])
        groups = self.env["it.ticket"].web_read_group(domain, ["stage_id"], ["stage_id"])
        named = [g["stage_id"][0] for g in groups["groups"] if g["stage_id_count"]]
        self.assertEqual(named, [second.id, first.id])

    def test_card_shows_requester_name_kept_from_the_call(self):
        ticket = self._ticket(partner_id=self.vip.id)
        self.assertEqual(ticket.partner_name, self.vip.name)
        walk_in = self._ticket(partner_id=False, partner_name="Mr. Chen (front desk)")
        self.assertEqual(walk_in.partner_name, "Mr. Chen (front desk)")
        self.assertEqual(
            self.env["it.ticket"].search([("partner_name", "ilike", "Chen (front")]), walk_in
        )

    def test_page_read_follows_each_roles_rules(self):
        """A page of cards read as an agent, a back-office engineer and a manager: the rule
        columns fetched with the page give the same records as the rules themselves."""
        mine = self._ticket(name="Front line card")
        other = self._ticket(name="Other team card", team_id=self.front_other.id)
        dispatched = self._ticket(name="Work order card")
        dispatched.action_dispatch(team=self.back)
        tickets = mine | other | dispatched
        spec = {"ref": {}, "name": {}, "partner_name": {}, **ACTIVITY_SPEC}
        expected = {
            self.agent: mine | dispatched,  # their team's, also once dispatched (front team)
            self.engineer: dispatched,
            self.manager: tickets,
        }
        for user, visible in expected.items():
            self.env.invalidate_all()
            Ticket = self.env["it.ticket"].with_user(user)
            result = Ticket.web_search_read([("id", "in", tickets.ids)], spec)
            self.assertEqual({row["id"] for row in result["records"]}, set(visible.ids), user.login)
            names = {row["id"]: row["partner_name"] for row in result["records"]}
            self.assertEqual(names[dispatched.id], self.requester.name)
