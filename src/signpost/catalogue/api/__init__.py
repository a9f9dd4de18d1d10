"""The catalogue's API: one router assembled from an area per module."""

from ninja import Router

from signpost.catalogue.api import feeds, imports, manage, rpde, search

router = Router()
router.add_router("", search.router)
router.add_router("", manage.router)
router.add_router("", imports.router)
router.add_router("", feeds.router)
router.add_router("", rpde.router)
