{
    "name": "IT Service Levels",
    "summary": "SLA policies on working calendars, timers per ticket, set-based breach "
    "detection and escalation",
    "version": "18.0.1.0.0",
    "category": "Services/Service Desk",
    "website": "https://github.com/service-desk-suite/service-desk-suite",
    "author": "Service Desk Suite",
    "license": "LGPL-3",
    "depends": ["it_service_desk", "resource"],
    "data": [
        "security/it_sla_security.xml",
        "security/ir.model.access.csv",
        "data/it_sla_data.xml",
        "views/it_sla_policy_views.xml",
        "views/it_sla_line_views.xml",
        "views/it_ticket_views.xml",
        "views/it_sla_menus.xml",
    ],
    "demo": ["demo/it_sla_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "it_sla/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
    "application": True,
}
