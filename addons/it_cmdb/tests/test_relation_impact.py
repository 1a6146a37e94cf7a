from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .common import CmdbCase


class TestRelationImpact(CmdbCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.build_estate()

    def test_cycle_refused_for_forbidding_types(self):
        with self.assertRaises(ValidationError):
            self.relate(self.srv1, self.runs_on, self.app)  # app runs on srv1 already
        a = self.make_ci("A", self.cls_app)
        b = self.make_ci("B", self.cls_app)
        c = self.make_ci("C", self.cls_app)
        self.relate(a, self.depends_on, b)
        self.relate(b, self.depends_on, c)
        with self.assertRaises(ValidationError):
            self.relate(c, self.depends_on, a)
        self.assertFalse(
            self.env["it.ci.relation"].search([("source_id", "=", c.id), ("target_id", "=", a.id)])
        )
        # a different type does not close a loop of "depends on"
        self.relate(c, self.runs_on, a)

    def test_cycle_allowed_for_connected_to(self):
        sw2 = self.make_ci("Switch 2", self.cls_network)
        self.relate(self.switch, self.connected_to, sw2)
        self.relate(sw2, self.connected_to, self.switch)
        # and the impact query still terminates
        self.assertIn(self.svc, self.switch.impacted_service_ids)

    def test_self_relation_and_duplicate_refused(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.relate(self.app, self.depends_on, self.app)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.relate(self.app, self.runs_on, self.srv1)

    def test_impact_of_a_server(self):
        self.assertEqual(self.srv2.impacted_service_ids, self.svc)
        self.assertEqual(self.srv2.impacted_ci_ids, self.db | self.app | self.svc)
        self.assertEqual(self.srv2.impacted_partner_ids, self.partner_user)

    def test_impact_of_the_switch_reaches_users(self):
        self.assertEqual(self.switch.impacted_service_ids, self.svc)
        self.assertIn(self.pc, self.switch.impacted_ci_ids)
        self.assertEqual(self.switch.impacted_partner_ids, self.partner_user | self.pc_holder)

    def test_part_of_propagates_to_the_whole(self):
        self.assertIn(self.srv1, self.disk.impacted_ci_ids)
        self.assertEqual(self.disk.impacted_service_ids, self.svc)
        # the whole failing does not break its part
        self.assertNotIn(self.disk, self.srv1.impacted_ci_ids)

    def test_service_lists_items_under_it(self):
        self.assertEqual(
            self.svc.supporting_ci_ids,
            self.app | self.db | self.srv1 | self.srv2 | self.switch | self.disk,
        )
        self.assertFalse(self.svc.impacted_service_ids)

    def test_archived_items_left_out(self):
        self.db.active = False
        self.assertNotIn(self.db, self.svc.supporting_ci_ids)
        self.assertNotIn(self.svc, self.srv2.impacted_ci_ids)

    def test_impact_follows_graph_edits_in_the_same_transaction(self):
        self.assertEqual(self.srv2.impacted_service_ids, self.svc)
        crm = self.make_ci("CRM", self.cls_service)
        relation = self.relate(crm, self.depends_on, self.db)
        self.assertEqual(self.srv2.impacted_service_ids, self.svc | crm)
        relation.unlink()
        self.assertEqual(self.srv2.impacted_service_ids, self.svc)
        self.app.user_partner_ids = self.pc_holder
        self.assertIn(self.pc_holder, self.srv2.impacted_partner_ids)

    def test_archived_item_stops_the_walk(self):
        self.app.active = False
        self.assertFalse(self.srv1.impacted_service_ids)
        self.assertNotIn(self.app, self.svc.supporting_ci_ids)
        self.assertNotIn(self.srv1, self.svc.supporting_ci_ids)

    def test_hierarchy_trees(self):
        tree = str(self.svc.dependency_tree_html)
        for ci in (self.app, self.db, self.srv1, self.srv2, self.switch, self.disk):
            self.assertIn(ci.name, tree)
        self.assertIn("runs on", tree)
        self.assertNotIn(self.pc.name, tree)  # the PC does not carry the service
        impact = str(self.disk.impact_tree_html)
        self.assertIn("part of", impact)  # disk part of server
        self.assertIn("hosts", impact)  # server hosts app
        self.assertIn(self.svc.name, impact)
        self.assertFalse(self.pc.impact_tree_html)  # nothing stands on a PC

    def test_hierarchy_tree_is_bounded(self):
        sw2 = self.make_ci("Switch 2", self.cls_network)
        self.relate(self.switch, self.connected_to, sw2)
        self.relate(sw2, self.connected_to, self.switch)  # a loop: the walk still ends
        rows = self.svc._tree_rows(downstream=False)
        self.assertLess(len(rows), 20)
        self.assertEqual(len(self.svc._tree_rows(downstream=False, limit=2)), 3)
        self.assertEqual(rows[0][0], self.svc.id)

    def test_impact_is_one_query(self):
        self.env.flush_all()
        with self.assertQueryCount(1):
            ids = self.CI._impact_ids(self.switch.ids)
        self.assertIn(self.svc.id, ids)

    def test_get_impact_is_one_query(self):
        self.env.flush_all()
        with self.assertQueryCount(1):
            impact = self.srv2.get_impact()
        self.assertEqual(impact["services"], self.svc)

    def test_get_impact_of_several_items(self):
        impact = (self.srv2 | self.pc).get_impact()
        self.assertEqual(impact["services"], self.svc)
        self.assertEqual(impact["partners"], self.partner_user | self.pc_holder)
