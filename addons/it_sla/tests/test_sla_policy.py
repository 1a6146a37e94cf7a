import psycopg2
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from .common import SlaCase, local


class TestSlaPolicy(SlaCase):
    def test_priority_matrix_is_configurable(self):
        ticket = self.make_ticket(impact="1", urgency="2")
        self.assertEqual(ticket.priority, "2")
        cell = self.env["it.sla.priority.matrix"].search(
            [("company_id", "=", self.env.company.id), ("impact", "=", "1"), ("urgency", "=", "2")]
        )
        self.assertEqual(len(cell), 1)
        cell.priority = "1"
        # the open ticket follows the matrix, and its SLA follows the priority
        self.assertEqual(ticket.priority, "1")
        other = self.make_ticket(impact="1", urgency="2", is_vip=True)
        self.assertEqual(other.priority, "1")
        self.assertEqual(other.sla_policy_id, self.policy_vip_p1)

    def test_matrix_cell_unique(self):
        with (
            self.assertRaises(psycopg2.IntegrityError),
            self.cr.savepoint(),
            mute_logger("odoo.sql_db"),
        ):
            self.env["it.sla.priority.matrix"].create(
                {"impact": "1", "urgency": "1", "priority": "4"}
            )

    def test_first_matching_policy_by_sequence(self):
        vip_p1 = self.make_ticket(is_vip=True, impact="1", urgency="1")
        self.assertEqual(vip_p1.sla_policy_id, self.policy_vip_p1)
        vip_low = self.make_ticket(is_vip=True)
        self.assertEqual(vip_low.sla_policy_id, self.policy_vip)
        normal = self.make_ticket(impact="1", urgency="1")
        self.assertEqual(normal.sla_policy_id, self.policy_normal)
        self.assertEqual(self.line(normal, "response").target_hours, 4)
        self.assertEqual(self.line(vip_p1, "resolution").target_hours, 4)
        self.assertEqual(self.line(vip_low, "resolution").target_hours, 8)

    def test_team_and_category_scope(self):
        category = self.env["it.category"].create({"name": "Network"})
        policy = self.env["it.sla.policy"].create(
            {
                "name": "Network for the desk",
                "sequence": 0,
                "team_ids": [(6, 0, self.team.ids)],
                "category_ids": [(6, 0, category.ids)],
                "calendar_id": self.h24.id,
                "response_hours": 0.5,
                "resolution_hours": 2,
            }
        )
        hit = self.make_ticket(category_id=category.id)
        self.assertEqual(hit.sla_policy_id, policy)
        miss = self.make_ticket(category_id=category.id, team_id=self.other_team.id)
        self.assertEqual(miss.sla_policy_id, self.policy_normal)
        # a later change of team re-matches and re-targets the counting timers
        hit.team_id = self.other_team
        self.assertEqual(hit.sla_policy_id, self.policy_normal)
        self.assertEqual(self.line(hit, "resolution").policy_id, self.policy_normal)
        self.assertEqual(self.line(hit, "resolution").target_hours, 16)

    def test_new_policy_takes_over_open_tickets(self):
        """A policy created for a team re-matches that team's open tickets: counting timers
        move to its targets with the elapsed time kept; met timers and other teams' tickets
        keep theirs."""
        with freeze_time(local("2026-12-07 09:00")):
            desk = self.make_ticket()
            other = self.make_ticket(team_id=self.other_team.id)
            done = self.make_ticket()
        with freeze_time(local("2026-12-07 10:00")):
            self.move(done, "in_progress")
            self.move(done, "resolved")
            self.move(desk, "in_progress")  # response met at 10:00
        met_deadline = self.line(desk, "response").deadline
        with freeze_time(local("2026-12-07 11:00")):
            policy = self.env["it.sla.policy"].create(
                {
                    "name": "Desk express",
                    "sequence": 0,
                    "team_ids": [(6, 0, self.team.ids)],
                    "calendar_id": self.office.id,
                    "response_hours": 1,
                    "resolution_hours": 4,
                }
            )
        self.assertEqual(desk.sla_policy_id, policy)
        resolution = self.line(desk, "resolution")
        self.assertEqual((resolution.policy_id, resolution.target_hours), (policy, 4))
        # started 09:00, four working hours on the office calendar
        self.assertEqual(resolution.deadline, local("2026-12-07 13:00"))
        self.assertEqual(self.line(desk, "response").deadline, met_deadline)
        self.assertEqual(self.line(desk, "response").status, "met")
        self.assertEqual(other.sla_policy_id, self.policy_normal)
        self.assertEqual(done.sla_policy_id, self.policy_normal, "ended tickets keep theirs")
        self.assertEqual(self.line(done, "resolution").target_hours, 16)

    def test_archived_policy_hands_tickets_to_the_next(self):
        express = self.env["it.sla.policy"].create(
            {
                "name": "Desk express",
                "sequence": 0,
                "team_ids": [(6, 0, self.team.ids)],
                "calendar_id": self.office.id,
                "response_hours": 1,
                "resolution_hours": 4,
            }
        )
        ticket = self.make_ticket()
        self.assertEqual(ticket.sla_policy_id, express)
        express.active = False
        self.assertEqual(ticket.sla_policy_id, self.policy_normal)
        self.assertEqual(self.line(ticket, "resolution").target_hours, 16)
        vip = self.make_ticket(is_vip=True)
        self.assertEqual(vip.sla_policy_id, self.policy_vip)
        self.policy_vip.active = False
        self.assertFalse(vip.sla_policy_id, "no other policy covers a VIP P4 ticket")
        self.assertEqual(set(vip.sla_line_ids.mapped("status")), {"cancelled"})

    def test_no_policy_no_timer(self):
        self.policy_normal.active = False
        ticket = self.make_ticket()
        self.assertFalse(ticket.sla_line_ids)
        self.assertEqual(ticket.sla_status, "none")

    def test_zero_or_negative_target_refused(self):
        Policy = self.env["it.sla.policy"]
        count = Policy.search_count([])
        for field, value in (
            ("response_hours", 0),
            ("resolution_hours", -2),
            ("next_response_hours", -1),
            ("warning_percent", 120),
        ):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                Policy.create(
                    {
                        "name": "Bad",
                        "sequence": 99,
                        "priority": "4",
                        "calendar_id": self.office.id,
                        field: value,
                    }
                )
        self.assertEqual(Policy.search_count([]), count)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.policy_normal.resolution_hours = 0
        self.assertEqual(self.policy_normal.resolution_hours, 16)

    def test_policy_without_calendar_refused(self):
        Policy = self.env["it.sla.policy"]
        with self.assertRaises(ValidationError), self.cr.savepoint():
            Policy.create({"name": "No calendar", "sequence": 50, "calendar_id": False})
        self.assertFalse(Policy.search([("name", "=", "No calendar")]))
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.policy_normal.calendar_id = False
        self.assertEqual(self.policy_normal.calendar_id, self.office)
        empty = self.env["resource.calendar"].create(
            {"name": "Empty", "attendance_ids": [(5, 0, 0)]}
        )
        with self.assertRaises(ValidationError), self.cr.savepoint():
            Policy.create({"name": "Empty calendar", "sequence": 51, "calendar_id": empty.id})

    def test_overlapping_policies_refused(self):
        Policy = self.env["it.sla.policy"]
        # same sequence, common tickets: the order is ambiguous
        with self.assertRaises(ValidationError), self.cr.savepoint():
            Policy.create(
                {
                    "name": "Twin",
                    "sequence": 10,
                    "customer_class": "all",
                    "calendar_id": self.office.id,
                }
            )
        # an earlier policy already covers every ticket of this one: it could never apply
        with self.assertRaises(ValidationError), self.cr.savepoint():
            Policy.create(
                {
                    "name": "Shadowed",
                    "sequence": 20,
                    "customer_class": "normal",
                    "priority": "2",
                    "calendar_id": self.office.id,
                }
            )
        self.assertFalse(Policy.search([("name", "in", ["Twin", "Shadowed"])]))
        # disjoint scopes with the same sequence are fine
        Policy.create(
            {
                "name": "Other team",
                "sequence": 5,
                "customer_class": "normal",
                "team_ids": [(6, 0, self.other_team.ids)],
                "calendar_id": self.office.id,
            }
        ).unlink()
        # a narrower policy before a broader one is the normal case
        Policy.create(
            {
                "name": "Normal P2 first",
                "sequence": 9,
                "customer_class": "normal",
                "priority": "2",
                "calendar_id": self.office.id,
            }
        )

    def test_escalation_levels_checked(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.policy_normal.write(
                {"escalation_ids": [(0, 0, {"level": 3, "notify": "manager"})]}
            )
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.policy_normal.write(
                {"escalation_ids": [(0, 0, {"level": 2, "delay_hours": -1, "notify": "manager"})]}
            )
        self.assertEqual(len(self.policy_normal.escalation_ids), 1)

    def test_access_rights(self):
        agent = self.agent
        self.assertTrue(agent.has_group("it_sla.group_sla_user"))
        self.assertFalse(agent.has_group("it_sla.group_sla_manager"))
        self.assertTrue(self.manager.has_group("it_sla.group_sla_manager"))
        self.policy_normal.with_user(agent).read(["name"])
        with self.assertRaises(AccessError):
            self.policy_normal.with_user(agent).write({"resolution_hours": 100})
        with self.assertRaises(AccessError):
            self.env["it.sla.policy"].with_user(agent).create(
                {"name": "Mine", "sequence": 77, "calendar_id": self.office.id}
            )
        with self.assertRaises(AccessError):
            self.env["it.sla.priority.matrix"].search([], limit=1).with_user(agent).write(
                {"priority": "1"}
            )
        outsider = new_test_user(self.env, login="sla_outsider", groups="base.group_user")
        ticket = self.make_ticket()
        with self.assertRaises(AccessError):
            ticket.sla_line_ids.with_user(outsider).read(["deadline"])
        # the manager configures
        self.policy_normal.with_user(self.manager).write({"resolution_hours": 20})
        self.assertEqual(self.line(ticket, "resolution").target_hours, 20)

    def test_agent_change_moves_timers(self):
        """A desk agent without SLA write access still re-targets through the ticket."""
        ticket = self.make_ticket()
        ticket.with_user(self.agent).write({"is_vip": True})
        self.assertEqual(ticket.sla_policy_id, self.policy_vip)
        self.assertEqual(self.line(ticket, "response").target_hours, 2)

    def test_used_policy_is_archived_not_deleted(self):
        self.make_ticket()
        with self.assertRaises(UserError):
            self.policy_normal.unlink()
        self.assertTrue(self.policy_normal.exists())
        self.policy_normal.action_archive()
        self.assertFalse(self.policy_normal.active)
        unused = self.env["it.sla.policy"].create(
            {"name": "Unused", "sequence": 70, "priority": "4", "calendar_id": self.office.id}
        )
        unused.unlink()
        self.assertFalse(unused.exists())

    def test_timers_are_not_writable_by_people(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket(user_id=self.agent.id)
        self.env["it.sla.line"]._cron_check_sla(now=local("2026-12-07 14:00"))
        line = self.line(ticket, "response").with_user(self.agent)
        with self.assertRaises(AccessError):
            line.write({"status": "met", "deadline": "2099-01-01 00:00:00"})
        line.invalidate_recordset()
        self.assertEqual(line.status, "breached")
        line.write({"breach_reason": "Waiting for the network team"})
        self.assertEqual(line.breach_reason, "Waiting for the network team")
        # an agent lists timers, including those of tickets they cannot read
        lines = self.env["it.sla.line"].with_user(self.agent).search_read([], ["display_name"])
        self.assertTrue(lines)
