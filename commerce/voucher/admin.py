from oscar.apps.voucher.admin import *  # noqa: F403
