"""The header's search box, on every page (replaces Oscar's haystack search form)."""

from .forms import SearchForm


def search_form(request):
    return {"search_form": SearchForm(request.GET if "q" in request.GET else None)}
