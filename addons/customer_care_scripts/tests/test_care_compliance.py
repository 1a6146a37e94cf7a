from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import CareCase


class TestCompliance(CareCase):
    def test_rate_counts_mandatory_steps(self):
        interaction = self._interaction()
        compliance = interaction.with_user(self.staff)._care_script_mark_steps([10])
        self.assertEqual(compliance.step_count, 3, "the optional step does not count")
        self.assertEqual(compliance.done_count, 1)
        self.assertAlmostEqual(compliance.rate, 100 / 3)
        compliance.with_user(self.staff).action_mark_steps([30])  # optional step
        self.assertAlmostEqual(compliance.rate, 100 / 3)
        compliance.with_user(self.staff).action_mark_all_done()
        self.assertEqual(compliance.rate, 100.0)
        compliance.with_user(self.staff).action_mark_steps([40], done=False)
        self.assertAlmostEqual(compliance.rate, 200 / 3)
        self.assertEqual(compliance.team_id, self.team)
        self.assertEqual(compliance.res_name, interaction.display_name)

    def test_unknown_steps_are_refused(self):
        compliance = self._interaction().with_user(self.staff)._care_script_compliance()
        with self.assertRaises(UserError):
            compliance.action_mark_steps([10, 99])
        with self.assertRaises(UserError):
            compliance.action_mark_steps([])
        self.assertFalse(compliance.line_ids.filtered("done"))

    def test_a_step_of_another_version_is_refused(self):
        compliance = self._interaction().with_user(self.staff)._care_script_compliance()
        other = self.env["care.script"].create(
            {
                "name": "Other",
                "code": "test_care_other_script",
                "step_ids": [(0, 0, {"text": "Hi"})],
            }
        )
        with self.assertRaises(ValidationError):
            compliance.write(
                {"line_ids": [(0, 0, {"step_id": other.current_version_id.step_ids.id})]}
            )

    @mute_logger("odoo.sql_db")
    def test_one_record_per_user_record_and_version(self):
        interaction = self._interaction()
        compliance = interaction.with_user(self.staff)._care_script_compliance()
        self.assertEqual(interaction.with_user(self.staff)._care_script_compliance(), compliance)
        with self.assertRaises(IntegrityError):
            self.env["care.script.compliance"].create(
                {
                    "res_model": "care.interaction",
                    "res_id": interaction.id,
                    "version_id": compliance.version_id.id,
                    "user_id": self.staff.id,
                }
            )

    def test_missing_record_is_refused(self):
        with self.assertRaises(ValidationError):
            self.env["care.script.compliance"].create(
                {
                    "res_model": "care.interaction",
                    "res_id": 999999999,
                    "version_id": self.script.current_version_id.id,
                }
            )
        with self.assertRaises(ValidationError):
            self.env["care.script.compliance"].create(
                {
                    "res_model": "no.such.model",
                    "res_id": 1,
                    "version_id": self.script.current_version_id.id,
                }
            )

    def test_compliance_keeps_its_version_when_the_script_changes(self):
        interaction = self._interaction()
        old = interaction.with_user(self.staff)._care_script_mark_steps([10, 20, 40])
        v1 = old.version_id
        self.script.step_ids.sorted("sequence")[0].text = "Good morning, how may I help you?"
        self.assertNotEqual(self.script.current_version_id, v1)
        self.assertEqual(old.version_id, v1)
        self.assertEqual(old.line_ids.sorted("sequence")[0].text, "Welcome, how may I help you?")
        self.assertEqual(old.rate, 100.0)
        interaction.invalidate_recordset()
        new = interaction.with_user(self.staff)._care_script_compliance()
        self.assertNotEqual(new, old)
        self.assertEqual(new.version_id, self.script.current_version_id)
        self.assertEqual(
            new.line_ids.sorted("sequence")[0].text, "Good morning, how may I help you?"
        )
        # the version of a compliance record cannot be deleted
        with self.assertRaises(UserError):
            v1.unlink()
        self.assertTrue(v1.exists())

    def test_rate_per_situation_and_person(self):
        for user, steps in (
            (self.staff, [10, 20, 40]),
            (self.staff, [10]),
            (self.staff2, [10, 20]),
        ):
            self._interaction(user=user).with_user(user)._care_script_mark_steps(steps)
        groups = self.env["care.script.compliance"]._read_group(
            [("script_id", "=", self.script.id)],
            ["script_id", "user_id"],
            ["rate:avg", "done_count:sum", "step_count:sum"],
            order="user_id",
        )
        by_user = {user: (rate, done, total) for _script, user, rate, done, total in groups}
        self.assertAlmostEqual(by_user[self.staff][0], (100 + 100 / 3) / 2)
        self.assertEqual(by_user[self.staff][1:], (4, 6))
        self.assertAlmostEqual(by_user[self.staff2][0], 200 / 3)


class TestComplianceAccess(CareCase):
    def test_staff_tick_their_own_only(self):
        interaction = self._interaction()
        mine = interaction.with_user(self.staff)._care_script_mark_steps([10])
        theirs = (
            self._interaction(user=self.staff2).with_user(self.staff2)._care_script_mark_steps([10])
        )
        Compliance = self.env["care.script.compliance"].with_user(self.staff)
        self.assertEqual(Compliance.search([("id", "in", (mine | theirs).ids)]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.staff).action_mark_steps([20])
        self.assertFalse(theirs.line_ids.filtered(lambda line: line.sequence == 20).done)
        with self.assertRaises(AccessError):
            mine.with_user(self.staff).unlink()

    def test_leader_reads_team_but_does_not_write(self):
        mine = self._interaction().with_user(self.staff)._care_script_mark_steps([10])
        as_leader = mine.with_user(self.leader)
        self.assertEqual(as_leader.rate, mine.rate)
        with self.assertRaises(AccessError):
            as_leader.action_mark_steps([20])

    def test_analyst_sees_all(self):
        mine = self._interaction().with_user(self.staff)._care_script_mark_steps([10])
        self.assertEqual(
            self.env["care.script.compliance"]
            .with_user(self.analyst)
            .search([("id", "=", mine.id)]),
            mine,
        )
