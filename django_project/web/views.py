from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@require_safe
def home(request):
    return render(request, "web/home.html", {"app_name": settings.APP_NAME, "version": settings.APP_VERSION})


@never_cache
@require_safe
def healthz(request):
    # Liveness only: answers without touching the database, so a locked or missing SQLite file
    # never makes the orchestrator kill a container that can still serve pages.
    return JsonResponse({"status": "ok"})
