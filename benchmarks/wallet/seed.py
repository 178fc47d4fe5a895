"""Seed the wallet benchmark's database: shoppers with coins and API tokens, experts, and the
ceiling's plain rows. Prints ``SEED {"tokens": [...]}``.

    DJANGO_SETTINGS_MODULE=benchmarks.wallet.settings python -m benchmarks.wallet.seed --shoppers 64
"""

import argparse
import json

#: Rows of the ceiling's table (row 0 receives every transfer, as escrow receives every hold), and
#: as many wallets: ``--shoppers`` of them spend, the others are the site's other users. (With
#: only the spenders' 83 accounts the table fits a page, and the planner checks each foreign key
#: to it by reading the whole page, dead row versions included: a cost a real site does not have.)
ROWS = 1000
#: Each wallet has spent before, as on a site in use: one past question (a hold and its capture).
#: Without that history the holds table is empty when the seed is analyzed, and the planner's
#: plans for the hold's foreign-key check and for closing a hold (cached per connection for the
#: whole run) read the table from start to end, a cost that grows with every spend of the run.
PAST_SPENDS_EACH = 1
#: Experts paid by the captures (one chosen at random per spend, as shoppers ask different experts).
EARNERS = 16
EARNER_EMAIL = "bench-expert-{}@example.com"
COINS_EACH = 1_000_000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shoppers", type=int, default=64)
    options = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from rest_framework.authtoken.models import Token

    from commerce.wallet import services

    from .models import BenchRow

    User = get_user_model()
    with connection.schema_editor() as editor:
        editor.execute(f"DROP TABLE IF EXISTS {BenchRow._meta.db_table}")
        editor.create_model(BenchRow)
    BenchRow.objects.bulk_create([BenchRow(pk=pk, balance=COINS_EACH) for pk in range(ROWS)])
    earners = [User.objects.get_or_create(email=EARNER_EMAIL.format(number))[0] for number in range(EARNERS)]
    tokens = []
    for number in range(max(options.shoppers, ROWS)):
        user, _ = User.objects.get_or_create(email=f"bench-shopper-{number}@example.com")
        services.credit_coins(
            user, COINS_EACH, source="cash_in", key=f"bench-seed:{user.pk}", memo="Benchmark coins"
        )
        for past in range(PAST_SPENDS_EACH):
            key = f"bench-seed-spend:{user.pk}:{past}"
            hold = services.hold(user, 1, reference="Earlier question", key=key)
            services.capture(hold, earner=earners[(number + past) % EARNERS], key=f"{key}:capture")
        if number < options.shoppers:
            tokens.append(Token.objects.get_or_create(user=user)[0].key)
    with connection.cursor() as cursor:
        # The seed's writes settled before measuring: autovacuum would otherwise visit these
        # tables during the first round, whichever side it measures.
        cursor.execute("VACUUM ANALYZE")
    print("SEED " + json.dumps({"tokens": tokens}), flush=True)


if __name__ == "__main__":
    main()
