from django.urls import path

from mend.spaces import views

urlpatterns = [
    path("", views.home, name="home"),
    path("spaces/new/", views.new_space, name="space_new"),
    path("spaces/switch/", views.switch, name="space_switch"),
    path("s/<id:space_id>/invite/", views.invite, name="invite"),
    path("s/<id:space_id>/leave/", views.leave, name="leave"),
    path("invite/<str:token>/", views.accept_invite, name="invite_accept"),
]
