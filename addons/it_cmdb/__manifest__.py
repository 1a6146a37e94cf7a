{
    "name": "IT Configuration and Change",
    "summary": "CMDB: configuration items, issuance and return, relations and impact; "
    "change management that updates the CMDB",
    "version": "18.0.1.0.0",
    "category": "Services/Service Desk",
    "website": "https://github.com/service-desk-suite/service-desk-suite",
    "author": "Service Desk Suite",
    "license": "LGPL-3",
    "depends": ["it_service_desk"],
    "external_dependencies": {"python": ["openpyxl"]},
    "data": [
        "security/it_cmdb_security.xml",
        "security/ir.model.access.csv",
        "data/it_ci_sequence.xml",
        "data/it_ci_class_data.xml",
        "report/it_ci_handover_report.xml",
        "views/it_ci_views.xml",
        "views/it_ci_issuance_views.xml",
        "views/it_change_views.xml",
        "views/it_service_desk_views.xml",
        "views/res_config_settings_views.xml",
        "views/it_cmdb_menus.xml",
    ],
    "demo": ["demo/it_cmdb_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "it_cmdb/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": True,
}
