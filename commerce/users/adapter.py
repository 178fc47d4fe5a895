"""allauth adapter: every new account is a shopper."""

from allauth.account.adapter import DefaultAccountAdapter

from .roles import SHOPPERS, add_to_role


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            add_to_role(user, SHOPPERS)
        return user
