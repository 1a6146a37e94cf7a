from . import counter_bag_deposit, counter_lost_item
