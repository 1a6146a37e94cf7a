{
    "name": "Store Service Counter",
    "summary": "Supermarket service counter: bag storage, lost and found, broadcasts, "
    "membership cards, invoices",
    "version": "18.0.1.1.0",
    "category": "Services/Service Desk",
    "website": "https://github.com/service-desk-suite/service-desk-suite",
    "author": "Service Desk Suite",
    "license": "LGPL-3",
    # membership: cards are Odoo membership lines; account: invoices are account.move
    "depends": ["customer_care_scripts", "membership", "account"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/retail_counter_security.xml",
        "security/ir.model.access.csv",
        "data/retail_counter_data.xml",
        "views/counter_dashboard_views.xml",
        "views/counter_locker_views.xml",
        "views/counter_bag_deposit_views.xml",
        "views/counter_lost_item_views.xml",
        "views/counter_broadcast_views.xml",
        "views/counter_inquiry_views.xml",
        "views/counter_membership_views.xml",
        "views/counter_invoice_views.xml",
        "views/counter_incident_views.xml",
        "views/retail_counter_menus.xml",
    ],
    "demo": [
        "demo/care_script_demo.xml",
        "demo/retail_counter_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["retail_counter/static/tests/tours/*.js"],
    },
    "uninstall_hook": "uninstall_hook",
    "installable": True,
    "application": True,
}
