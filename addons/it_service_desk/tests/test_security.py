from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DeskCase


@tagged("post_install", "-at_install")
class TestSecurity(DeskCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._ticket(name="front ticket")
        cls.other_team = cls._ticket(name="other team ticket", team_id=cls.front_other.id)
        cls.dispatched = cls._ticket(name="work order")
        cls.dispatched.action_dispatch(team=cls.back, user=cls.engineer)
        cls.portal_ticket = cls._ticket(
            name="portal ticket", partner_id=cls.portal_user.partner_id.id
        )

    def _visible(self, user):
        return (
            self.env["it.ticket"]
            .with_user(user)
            .search(
                [
                    (
                        "id",
                        "in",
                        (self.mine | self.other_team | self.dispatched | self.portal_ticket).ids,
                    )
                ]
            )
        )

    def test_agent_sees_own_teams(self):
        visible = self._visible(self.agent)
        self.assertIn(self.mine, visible)
        self.assertIn(self.dispatched, visible, "dispatched from my team: still followed")
        self.assertNotIn(self.other_team, visible)
        # RPC-style read and write
        with self.assertRaises(AccessError):
            self.other_team.with_user(self.agent).read(["name"])
        with self.assertRaises(AccessError):
            self.other_team.with_user(self.agent).write({"name": "hacked"})
        self.assertEqual(self.other_team.name, "other team ticket")
        self.mine.with_user(self.agent).write({"urgency": "1"})
        self.assertEqual(self.mine.urgency, "1")

    def test_agent_cannot_delete(self):
        with self.assertRaises(AccessError):
            self.mine.with_user(self.agent).unlink()

    def test_backoffice_sees_work_orders_only(self):
        visible = self._visible(self.engineer)
        self.assertEqual(visible, self.dispatched)
        self.assertFalse(self._visible(self.engineer_other))
        with self.assertRaises(AccessError):
            self.env["it.ticket"].with_user(self.engineer).create({"name": "x"})
        with self.assertRaises(AccessError):
            self.mine.with_user(self.engineer).read(["name"])
        self.dispatched.with_user(self.engineer).write({"description": "<p>checked logs</p>"})

    def test_callback_agent_sees_resolved_of_all_teams(self):
        resolved = self._ticket(name="resolved elsewhere", team_id=self.front_other.id)
        resolved.action_start()
        resolved.action_resolve("<p>x</p>")
        tickets = self.env["it.ticket"].with_user(self.callback_agent)
        self.assertIn(resolved, tickets.search([("id", "=", resolved.id)]))
        self.assertNotIn(self.other_team, tickets.search([("id", "=", self.other_team.id)]))
        queue = self.env["it.callback"].with_user(self.callback_agent).search([])
        self.assertIn(resolved.callback_ids, queue)

    def test_managers_see_all(self):
        for user in (self.mim, self.analyst, self.manager):
            self.assertEqual(len(self._visible(user)), 4)

    def test_portal_own_only(self):
        Ticket = self.env["it.ticket"].with_user(self.portal_user)
        self.assertEqual(self._visible(self.portal_user), self.portal_ticket)
        self.assertFalse(self._visible(self.portal_other))
        with self.assertRaises(AccessError):
            self.portal_ticket.with_user(self.portal_other).read(["name"])
        with self.assertRaises(AccessError):
            self.portal_ticket.with_user(self.portal_user).write({"name": "x"})
        with self.assertRaises(AccessError):
            Ticket.create({"name": "for someone else", "partner_id": self.requester.id})
        # filing their own ticket is allowed (the portal form creates it, see test_portal)
        Ticket.check_access("create")

    def test_config_readonly_for_agents(self):
        with self.assertRaises(AccessError):
            self.system.with_user(self.agent).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.env["it.team"].with_user(self.agent).create({"name": "x"})
        self.env["it.team"].with_user(self.manager).create({"name": "New team"})
