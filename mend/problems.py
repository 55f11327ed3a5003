"""The page for a link that cannot be used: a sign-up link, an invitation, a professional's
invitation. One page, so each says what went wrong and where to go next in the same way."""

from django.shortcuts import render

from mend.errors import RuleBroken


def link_problem(request, broken: RuleBroken):
    return render(request, "link_problem.html", {"problem": broken.message}, status=broken.status)
