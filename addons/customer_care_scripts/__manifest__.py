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
        "views/care_script_views.xml",
        "views/customer_care_scripts_menus.xml",
    ],
    "demo": [],
    "installable": True,
    "application": True,
}
