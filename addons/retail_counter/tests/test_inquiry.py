from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CounterCase


@tagged("post_install", "-at_install")
class TestInquiry(CounterCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Topic = cls.env["counter.inquiry.topic"]
        cls.map_topic = Topic.create(
            {"name": "Store map", "quick_answer": "<p>Ground floor: fresh food</p>"}
        )
        cls.bus_topic = Topic.create({"name": "Shuttle bus", "script_code": "shuttle_bus"})

    def inquiry(self, user=None, **vals):
        values = {"name": "Where is the rice?", "company_id": self.store.id}
        values.update(vals)
        return self.as_user("counter.inquiry", user or self.staff).create(values)

    def test_first_asked_owns_it(self):
        inquiry = self.inquiry(topic_id=self.map_topic.id)
        self.assertEqual(inquiry.owner_id, self.staff)
        self.assertIn("Ground floor", inquiry.quick_answer)
        inquiry.directed_to = "Aisle 3"
        with self.assertRaises(UserError):
            inquiry.with_user(self.staff2).action_direct()
        self.assertEqual(inquiry.state, "open")
        inquiry.with_user(self.staff).action_direct()
        self.assertEqual(inquiry.state, "directed")
        self.assertTrue(inquiry.directed_time)

    def test_direct_needs_destination(self):
        inquiry = self.inquiry()
        with self.assertRaises(UserError):
            inquiry.with_user(self.staff).action_direct()
        self.assertEqual(inquiry.state, "open")

    def test_owner_changed_only_by_supervisor(self):
        inquiry = self.inquiry()
        with self.assertRaises(UserError):
            inquiry.with_user(self.staff).write({"owner_id": self.staff2.id})
        inquiry.with_user(self.supervisor).write({"owner_id": self.staff2.id})
        self.assertEqual(inquiry.owner_id, self.staff2)

    def test_supervisor_may_close_and_reopen(self):
        inquiry = self.inquiry(answer="Told about aisle 3")
        inquiry.with_user(self.supervisor).action_direct()
        with self.assertRaises(UserError):
            inquiry.with_user(self.supervisor).action_direct()
        inquiry.with_user(self.staff).action_reopen()
        self.assertEqual(inquiry.state, "open")

    def test_topic_statistics(self):
        for _i in range(3):
            self.inquiry(topic_id=self.map_topic.id)
        self.inquiry(topic_id=self.bus_topic.id)
        self.assertEqual(self.map_topic.inquiry_count, 3)
        stats = self.env["counter.inquiry.topic"]._stat_by_topic(
            [("company_id", "=", self.store.id)]
        )
        self.assertEqual(stats["Store map"], 3)
        self.assertEqual(stats["Shuttle bus"], 1)

    def test_topic_script(self):
        self.publish_script("shuttle_bus", "Our bus runs {customer_name}")
        inquiry = self.inquiry(topic_id=self.bus_topic.id, customer_name="Mr. Wu")
        self.assertIn("Our bus runs Mr. Wu", inquiry.care_script_html)
