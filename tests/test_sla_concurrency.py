"""Two workers of the SLA scheduled action at once never notify twice.

The rows must be committed for a second connection to see them, so this test commits
its own fixtures through separate registry cursors and removes them at the end. Its
timers lie in 2020, so the passes it runs touch no other (demo) ticket.
"""

from datetime import datetime

import psycopg2
from freezegun import freeze_time

from odoo import api
from odoo.tools import mute_logger

from .common import SuiteTransactionCase

START = datetime(2020, 1, 6, 1, 0)  # Monday 09:00 in Asia/Shanghai
LATER = datetime(2020, 1, 7, 12, 0)  # long after every deadline of the fixture


class TestSlaConcurrency(SuiteTransactionCase):
    def setUp(self):
        super().setUp()
        if "it.sla.line" not in self.env:
            self.skipTest("it_sla is not installed")
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            admin = env.ref("base.user_admin")
            team = env["it.team"].create(
                {"name": "SLA concurrency desk", "leader_id": admin.id, "manager_id": admin.id}
            )
            policy = env["it.sla.policy"].create(
                {
                    "name": "SLA concurrency policy",
                    "sequence": -100,
                    "team_ids": [(6, 0, team.ids)],
                    "calendar_id": env.ref("it_sla.resource_calendar_24x7").id,
                    "response_hours": 1,
                    "resolution_hours": 2,
                    "escalation_ids": [(0, 0, {"level": 1, "notify": "leader"})],
                }
            )
            with freeze_time(START):
                tickets = env["it.ticket"].create(
                    [{"name": f"Concurrent {i}", "team_id": team.id} for i in range(5)]
                )
            self.ticket_ids = tickets.ids
            self.team_id, self.policy_id = team.id, policy.id
            self.assertEqual(len(tickets.sla_line_ids), 10)
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            env["mail.activity"].search(
                [("res_model", "=", "it.ticket"), ("res_id", "in", self.ticket_ids)]
            ).unlink()
            env["it.ticket"].browse(self.ticket_ids).with_context(active_test=False).unlink()
            env["it.sla.policy"].browse(self.policy_id).unlink()
            env["it.team"].browse(self.team_id).unlink()

    def _activity_count(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            return env["mail.activity"].search_count(
                [("res_model", "=", "it.ticket"), ("res_id", "in", self.ticket_ids)]
            )

    def test_two_workers_at_once(self):
        cr_a = self.registry.cursor()
        cr_b = self.registry.cursor()
        try:
            env_a = api.Environment(cr_a, api.SUPERUSER_ID, {})
            env_b = api.Environment(cr_b, api.SUPERUSER_ID, {})
            # worker A holds its rows; worker B skips them instead of waiting or redoing
            result_a = env_a["it.sla.line"]._cron_check_sla(now=LATER)
            result_b = env_b["it.sla.line"]._cron_check_sla(now=LATER)
            self.assertEqual(result_a["breached"], 10)
            self.assertEqual(result_a["escalated"], 10)
            self.assertEqual(result_b, {"warned": 0, "breached": 0, "escalated": 0})
            cr_a.commit()
            cr_b.commit()
        finally:
            cr_a.close()
            cr_b.close()
        # one activity per timer: the lead was told once
        self.assertEqual(self._activity_count(), 10)
        # a later run finds nothing left to do
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            self.assertEqual(
                env["it.sla.line"]._cron_check_sla(now=LATER),
                {"warned": 0, "breached": 0, "escalated": 0},
            )
        self.assertEqual(self._activity_count(), 10)

    def test_worker_with_an_older_snapshot_fails_cleanly(self):
        """A worker whose snapshot predates the other's commit gets a serialization
        failure (and is rolled back) rather than notifying a second time."""
        cr_a = self.registry.cursor()
        cr_b = self.registry.cursor()
        try:
            env_a = api.Environment(cr_a, api.SUPERUSER_ID, {})
            env_b = api.Environment(cr_b, api.SUPERUSER_ID, {})
            cr_b.execute("SELECT 1 FROM it_sla_line LIMIT 1")  # B's snapshot starts here
            env_a["it.sla.line"]._cron_check_sla(now=LATER)
            cr_a.commit()
            with (
                self.assertRaises(psycopg2.errors.SerializationFailure),
                mute_logger("odoo.sql_db"),
            ):
                env_b["it.sla.line"]._cron_check_sla(now=LATER)
            cr_b.rollback()
        finally:
            cr_a.close()
            cr_b.close()
        self.assertEqual(self._activity_count(), 10)
