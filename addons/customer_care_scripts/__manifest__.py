{
    "name": "Customer Care Scripts",
    "summary": "What staff say (scripts with placeholders) and quality checks that they said it",
    "version": "18.0.1.0.0",
    "category": "Services/Service Desk",
    "website": "https://github.com/service-desk-suite/service-desk-suite",
    "author": "Service Desk Suite",
    "license": "LGPL-3",
    "depends": ["mail"],
    "data": [
        "security/customer_care_scripts_security.xml",
        "security/ir.model.access.csv",
        "data/customer_care_scripts_data.xml",
        "views/care_script_views.xml",
        "views/care_team_views.xml",
        "views/care_checklist_views.xml",
        "views/care_evaluation_views.xml",
        "views/care_script_compliance_views.xml",
        "views/care_interaction_views.xml",
        "views/customer_care_scripts_menus.xml",
    ],
    "demo": [
        "demo/care_script_demo.xml",
        "demo/care_quality_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "customer_care_scripts/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": True,
}
