from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CounterCase


@tagged("post_install", "-at_install")
class TestBroadcast(CounterCase):
    def broadcast(self, **vals):
        values = {"content": "Welcome", "company_id": self.store.id}
        values.update(vals)
        return self.as_user("counter.broadcast", self.staff).create(values)

    def test_lost_child_alerts_loss_prevention(self):
        broadcast = self.broadcast(
            broadcast_type="lost_child",
            person_name="Xiaoming",
            person_description="Boy, 5, blue jacket",
            waiting_place="Service counter",
        )
        self.assertTrue(broadcast.loss_prevention_alerted)
        alerted = broadcast.activity_ids.user_id
        # loss prevention officers (supervisors are loss prevention too) of this store
        self.assertIn(self.lp, alerted)
        self.assertIn(self.supervisor, alerted)
        self.assertNotIn(self.staff, alerted)
        self.assertEqual(broadcast.category, "special")

    def test_lost_child_needs_appearance(self):
        with self.assertRaises(ValidationError):
            self.broadcast(broadcast_type="lost_child", person_name="Xiaoming")
        with self.assertRaises(ValidationError):
            self.broadcast(broadcast_type="person_search")

    def test_customer_item_search_follow_up(self):
        broadcast = self.broadcast(broadcast_type="item_search", requested_by="Mr. Li")
        self.assertEqual(len(broadcast.activity_ids), 1)
        self.assertEqual(broadcast.activity_ids.user_id, self.staff)
        # a search for an item already at the counter needs no follow-up
        item = self.env["counter.lost.item"].create(
            {"name": "Umbrella", "company_id": self.store.id}
        )
        found = self.broadcast(broadcast_type="item_search", lost_item_id=item.id)
        self.assertFalse(found.activity_ids)

    def test_other_types_do_not_alert(self):
        broadcast = self.broadcast(broadcast_type="promotion")
        self.assertFalse(broadcast.activity_ids)
        self.assertFalse(broadcast.loss_prevention_alerted)

    def test_schedule_and_repetitions(self):
        broadcast = self.broadcast(broadcast_type="in_store", repetitions=3, interval_minutes=20)
        self.assertEqual(broadcast.category, "routine")
        with self.assertRaises(UserError):
            broadcast.action_played()
        broadcast.action_schedule()
        self.assertEqual(broadcast.next_play_time, broadcast.scheduled_time)
        broadcast.action_played()
        self.assertEqual(broadcast.played_count, 1)
        self.assertEqual((broadcast.next_play_time - broadcast.scheduled_time).seconds, 20 * 60)
        broadcast.action_played()
        broadcast.action_played()
        self.assertEqual(broadcast.state, "done")
        self.assertFalse(broadcast.next_play_time)
        with self.assertRaises(UserError):
            broadcast.action_played()

    def test_bad_repetitions(self):
        with self.assertRaises(ValidationError):
            self.broadcast(repetitions=0)
        with self.assertRaises(ValidationError):
            self.broadcast(repetitions=3, interval_minutes=0)

    def test_supervisor_check_log(self):
        broadcast = self.broadcast(broadcast_type="opening")
        broadcast.action_schedule()
        broadcast.action_played()
        broadcast.check_result = "corrected"
        with self.assertRaises(UserError):
            broadcast.with_user(self.staff).action_check()
        with self.assertRaises(UserError):
            broadcast.with_user(self.supervisor).action_check()  # correction not described
        broadcast.correction_note = "Volume too loud: lowered"
        broadcast.with_user(self.supervisor).action_check()
        self.assertEqual(broadcast.checked_by_id, self.supervisor)
        self.assertTrue(broadcast.checked_time)

    def test_only_draft_deleted(self):
        draft = self.broadcast()
        scheduled = self.broadcast()
        scheduled.action_schedule()
        with self.assertRaises(UserError):
            scheduled.unlink()
        draft.unlink()
        self.assertFalse(draft.exists())
