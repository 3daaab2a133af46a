from django.conf import settings


def map_tiles(request):
    """The tile server that maps draw on (a setting, so that it can be replaced)."""
    return {
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }


def portal_contact(request):
    return {"portal_contact": settings.PORTAL_CONTACT}


def retention(request):
    """Retention periods named in the privacy notice, from the settings that apply them."""
    return {
        "retention": {
            "unconfirmed_days": settings.QUESTIONNAIRE_UNCONFIRMED_DAYS,
            "rejected_days": settings.QUESTIONNAIRE_REJECTED_RETENTION_DAYS,
        }
    }
