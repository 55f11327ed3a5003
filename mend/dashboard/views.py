from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from mend.dashboard import summary
from mend.spaces.access import space_for


@login_required
def dashboard(request, space_id: int):
    space = space_for(request.user, space_id)
    return render(request, "dashboard/dashboard.html", summary.gather(space, request.user))
