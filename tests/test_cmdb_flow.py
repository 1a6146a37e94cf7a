"""it_cmdb with the desk: an asset register imported, an incident and a major incident
on a failing item, a change approved by the board that publishes a downtime notice the
impacted portal user can read, then updates the CMDB; and the demo estate's impact."""

import base64
from datetime import datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import SuiteTransactionCase


class TestCmdbAcrossModules(SuiteTransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.cmdb_manager = new_test_user(
            env, "flow_cmdb_manager", groups="base.group_user,it_cmdb.group_cmdb_manager"
        )
        cls.change_manager = new_test_user(
            env, "flow_change_manager", groups="base.group_user,it_cmdb.group_change_manager"
        )
        cls.approvers = [
            new_test_user(
                env, f"flow_approver{i}", groups="base.group_user,it_cmdb.group_change_approver"
            )
            for i in (1, 2)
        ]
        cls.agent = new_test_user(
            env, "flow_agent", groups="base.group_user,it_service_desk.group_it_agent"
        )
        cls.mim = new_test_user(
            env,
            "flow_mim",
            groups="base.group_user,it_service_desk.group_it_major_incident_manager",
        )
        cls.portal = new_test_user(env, "flow_portal", groups="base.group_portal")

    def test_register_incident_change_notice(self):
        # 1. the CMDB manager loads the asset register, then relates the items
        register = (
            b"asset_number,name,class,serial,location,warranty_end\n"
            b"FLOW-SVC,Flow billing,Business Service,,,\n"
            b"FLOW-APP,Flow billing app,Application,,,\n"
            b"FLOW-SRV,Flow server,SRV,SN-FLOW,Flow room A,2030-01-31\n"
        )
        wizard = (
            self.env["it.ci.import.wizard"]
            .with_user(self.cmdb_manager)
            .create({"file": base64.b64encode(register), "filename": "register.csv"})
        )
        wizard.action_import()
        self.assertEqual(wizard.imported_count, 3)
        CI = self.env["it.ci"].with_user(self.cmdb_manager)
        svc, app, srv = (
            CI.search([("asset_number", "=", number)])
            for number in ("FLOW-SVC", "FLOW-APP", "FLOW-SRV")
        )
        svc.user_partner_ids = self.portal.partner_id
        relation = self.env["it.ci.relation"].with_user(self.cmdb_manager)
        relation.create(
            {
                "source_id": svc.id,
                "type_id": self.env.ref("it_cmdb.ci_relation_depends_on").id,
                "target_id": app.id,
            }
        )
        relation.create(
            {
                "source_id": app.id,
                "type_id": self.env.ref("it_cmdb.ci_relation_runs_on").id,
                "target_id": srv.id,
            }
        )
        self.env["it.ci.location"].with_user(self.cmdb_manager).create({"name": "Flow room B"})

        # 2. the server fails: an incident, then a major incident listing who is hit
        team = self.env["it.team"].create(
            {"name": "Flow desk", "member_ids": [(6, 0, self.agent.ids)]}
        )
        ticket = (
            self.env["it.ticket"]
            .with_user(self.agent)
            .create(
                {"name": "Billing unreachable", "team_id": team.id, "ci_ids": [(6, 0, srv.ids)]}
            )
        )
        self.assertEqual(srv.open_ticket_count, 1)
        incident = (
            self.env["it.major.incident"]
            .with_user(self.mim)
            .create({"name": "Flow server down", "ci_ids": [(6, 0, srv.ids)]})
        )
        self.assertEqual(incident.impacted_service_ids, svc)
        incident.action_subscribe_impacted_users()
        self.assertIn(self.portal.partner_id, incident.partner_ids)

        # 3. a normal change, approved by the whole board, scheduled: downtime notice
        change = (
            self.env["it.change"]
            .with_user(self.change_manager)
            .create(
                {
                    "name": "Move the flow server",
                    "ci_ids": [(6, 0, srv.ids)],
                    "approver_ids": [(6, 0, [u.id for u in self.approvers])],
                    "update_ids": [
                        (
                            0,
                            0,
                            {
                                "ci_id": srv.id,
                                "field_name": "location_id",
                                "new_value": "Flow room B",
                            },
                        )
                    ],
                }
            )
        )
        change.action_submit()
        for approver in self.approvers:
            change.with_user(approver).action_approve()
        self.assertEqual(change.state, "approved")
        start = datetime.now() + timedelta(days=2)
        change.write({"date_start": start, "date_end": start + timedelta(hours=3)})
        change.action_schedule()
        notice = change.downtime_notice_id
        self.assertEqual(notice.state, "published")
        self.assertEqual(notice.partner_ids, self.portal.partner_id)
        # the impacted portal user sees the notice; the agent cannot edit the change
        self.assertEqual(
            self.env["it.downtime.notice"].with_user(self.portal).search([("id", "=", notice.id)]),
            notice,
        )
        with self.assertRaises(AccessError):
            change.with_user(self.agent).write({"name": "Renamed"})

        # 4. implementation: the CMDB follows, and is locked outside changes
        self.env["ir.config_parameter"].sudo().set_param("it_cmdb.lock_controlled_fields", "1")
        with self.assertRaises(UserError):
            srv.write({"serial": "EDITED"})
        change.action_start()
        change.action_done()
        self.assertEqual(srv.location_id.name, "Flow room B")
        self.assertTrue(any(change.ref in (m.body or "") for m in srv.message_ids))
        self.assertEqual(notice.state, "done")

        # 5. the incident is blamed on the change
        ticket.with_user(self.agent).caused_by_change_id = change
        self.assertEqual(change.caused_ticket_ids, ticket)

    def test_demo_estate_impact(self):
        switch = self.env.ref("it_cmdb.ci_core_switch", raise_if_not_found=False)
        if not switch:
            self.skipTest("demo data not loaded")
        billing = self.env.ref("it_cmdb.ci_billing_service")
        self.assertIn(billing, switch.impacted_service_ids)
        self.assertIn(self.env.ref("it_cmdb.partner_finance_wang"), switch.impacted_partner_ids)
        self.assertIn(switch, billing.supporting_ci_ids)
