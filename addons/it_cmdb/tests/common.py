"""Shared fixtures of the it_cmdb tests (no test_ methods here)."""

from odoo.tests import TransactionCase, new_test_user


class CmdbCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company = env.company
        cls.company.it_change_board_ids = False  # no default board (demo data sets one)
        cls.cmdb_manager = new_test_user(
            env, "t_cmdb_manager", groups="base.group_user,it_cmdb.group_cmdb_manager"
        )
        cls.change_manager = new_test_user(
            env, "t_change_manager", groups="base.group_user,it_cmdb.group_change_manager"
        )
        cls.approver1 = new_test_user(
            env, "t_approver1", groups="base.group_user,it_cmdb.group_change_approver"
        )
        cls.approver2 = new_test_user(
            env, "t_approver2", groups="base.group_user,it_cmdb.group_change_approver"
        )
        cls.agent = new_test_user(
            env, "t_cmdb_agent", groups="base.group_user,it_service_desk.group_it_agent"
        )
        cls.employee = new_test_user(env, "t_cmdb_employee", groups="base.group_user")
        cls.cls_server = env.ref("it_cmdb.ci_class_server")
        cls.cls_network = env.ref("it_cmdb.ci_class_network")
        cls.cls_pc = env.ref("it_cmdb.ci_class_pc")
        cls.cls_app = env.ref("it_cmdb.ci_class_application")
        cls.cls_db = env.ref("it_cmdb.ci_class_database")
        cls.cls_service = env.ref("it_cmdb.ci_class_service")
        cls.runs_on = env.ref("it_cmdb.ci_relation_runs_on")
        cls.depends_on = env.ref("it_cmdb.ci_relation_depends_on")
        cls.connected_to = env.ref("it_cmdb.ci_relation_connected_to")
        cls.part_of = env.ref("it_cmdb.ci_relation_part_of")
        cls.location = env["it.ci.location"].create({"name": "Test machine room"})
        cls.CI = env["it.ci"]

    @classmethod
    def make_ci(cls, name, ci_class, **vals):
        return cls.env["it.ci"].create({"name": name, "class_id": ci_class.id, **vals})

    @classmethod
    def relate(cls, source, rel_type, target):
        return cls.env["it.ci.relation"].create(
            {"source_id": source.id, "type_id": rel_type.id, "target_id": target.id}
        )

    @classmethod
    def build_estate(cls):
        """service <- app (runs on srv1, depends on db) ; db runs on srv2 ;
        srv1 and pc connected to switch ; disk part of srv1."""
        cls.partner_user = cls.env["res.partner"].create({"name": "Billing clerk"})
        cls.svc = cls.make_ci(
            "Billing", cls.cls_service, user_partner_ids=[(6, 0, cls.partner_user.ids)]
        )
        cls.app = cls.make_ci("Billing app", cls.cls_app)
        cls.db = cls.make_ci("Billing DB", cls.cls_db)
        cls.srv1 = cls.make_ci("App server", cls.cls_server)
        cls.srv2 = cls.make_ci("DB server", cls.cls_server)
        cls.switch = cls.make_ci("Core switch", cls.cls_network)
        cls.disk = cls.make_ci("Disk array", cls.cls_server)
        cls.pc = cls.make_ci("Clerk PC", cls.cls_pc)
        cls.relate(cls.svc, cls.depends_on, cls.app)
        cls.relate(cls.app, cls.runs_on, cls.srv1)
        cls.relate(cls.app, cls.depends_on, cls.db)
        cls.relate(cls.db, cls.runs_on, cls.srv2)
        cls.relate(cls.srv1, cls.connected_to, cls.switch)
        cls.relate(cls.pc, cls.connected_to, cls.switch)
        cls.relate(cls.disk, cls.part_of, cls.srv1)
        cls.pc_holder = cls.env["res.partner"].create({"name": "PC holder"})
        cls.env["it.ci.issue.wizard"].create(
            {"ci_ids": [(6, 0, cls.pc.ids)], "partner_id": cls.pc_holder.id, "print_form": False}
        ).action_confirm()
