"""Long lists a page at a time, each list with its own ?name=N so two can share a page."""

from django.core.paginator import Page, Paginator

PAGE_SIZE = 20


def page_of(request, items, param: str = "page", size: int = PAGE_SIZE) -> Page:
    page = Paginator(items, size).get_page(request.GET.get(param))
    # Links that move this list and keep every other list where it is.
    page.newer_url = _url(request, param, page.number - 1) if page.has_previous() else ""
    page.earlier_url = _url(request, param, page.number + 1) if page.has_next() else ""
    return page


def _url(request, param: str, number: int) -> str:
    query = request.GET.copy()
    query[param] = number
    return f"?{query.urlencode()}"
