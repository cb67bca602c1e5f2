from django.urls import path

from baocao.web.indicators import views

app_name = "indicators"

urlpatterns = [
    path("", views.explore, name="explore"),
]
