from django.conf import settings


def quick_exit(request):
    return {"quick_exit_url": settings.MEND_QUICK_EXIT_URL}
